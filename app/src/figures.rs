//! Counters for the operator's `/metrics` (server only; the server installs the recorder):
//! what the services placed, and what they refused or waitlisted because it was full.

/// A meal order, an enrollment or a shift sign-up: `service` is `order`, `enrollment` or
/// `sign_up`; `got_place` is false when it was refused or waitlisted because it was full.
pub fn place(service: &'static str, got_place: bool) {
    let outcome = if got_place { "placed" } else { "full" };
    metrics::counter!("xingfu_places_total", "service" => service, "outcome" => outcome)
        .increment(1);
}

/// A delivery stop marked `delivered` or `no_answer`.
pub fn delivery_marked(outcome: &'static str) {
    metrics::counter!("xingfu_deliveries_marked_total", "outcome" => outcome).increment(1);
}
