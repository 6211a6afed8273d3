//! Grouping the day's deliveries into routes: stops in building, unit and room order, a
//! building kept on one route when it fits, no route longer than the staff's limit.

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopAddress {
    pub order_id: i64,
    pub building: String,
    pub unit: String,
    pub room: String,
}

/// Compares "2栋" before "12栋": the leading number first, then the text.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn split(s: &str) -> (Option<u64>, &str) {
        let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        (s[..digits].parse().ok(), &s[digits..])
    }
    let (na, ra) = split(a.trim());
    let (nb, rb) = split(b.trim());
    match (na, nb) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| ra.cmp(rb)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// Routes as lists of order ids in walking order. `max_stops` below 1 counts as 1.
pub fn plan_routes(stops: &[StopAddress], max_stops: usize) -> Vec<Vec<i64>> {
    let max_stops = max_stops.max(1);
    let mut sorted: Vec<&StopAddress> = stops.iter().collect();
    sorted.sort_by(|a, b| {
        natural_cmp(&a.building, &b.building)
            .then_with(|| natural_cmp(&a.unit, &b.unit))
            .then_with(|| natural_cmp(&a.room, &b.room))
            .then_with(|| a.order_id.cmp(&b.order_id))
    });
    let mut buildings: Vec<Vec<i64>> = Vec::new();
    for (i, stop) in sorted.iter().enumerate() {
        if i == 0 || sorted[i - 1].building.trim() != stop.building.trim() {
            buildings.push(Vec::new());
        }
        if let Some(building) = buildings.last_mut() {
            building.push(stop.order_id);
        }
    }
    let mut routes: Vec<Vec<i64>> = Vec::new();
    let mut current: Vec<i64> = Vec::new();
    for building in buildings {
        if !current.is_empty() && current.len() + building.len() > max_stops {
            routes.push(std::mem::take(&mut current));
        }
        for order_id in building {
            if current.len() == max_stops {
                routes.push(std::mem::take(&mut current));
            }
            current.push(order_id);
        }
    }
    if !current.is_empty() {
        routes.push(current);
    }
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(order_id: i64, building: &str, unit: &str, room: &str) -> StopAddress {
        StopAddress {
            order_id,
            building: building.into(),
            unit: unit.into(),
            room: room.into(),
        }
    }

    #[test]
    fn buildings_sort_by_number_not_by_text() {
        assert_eq!(natural_cmp("2栋", "12栋"), Ordering::Less);
        assert_eq!(natural_cmp("12栋", "12栋"), Ordering::Equal);
        assert_eq!(natural_cmp("301", "1201"), Ordering::Less);
        assert_eq!(natural_cmp("3栋", "综合楼"), Ordering::Less);
    }

    #[test]
    fn a_building_stays_on_one_route_when_it_fits() {
        let stops = [
            stop(1, "12栋", "2单元", "301"),
            stop(2, "3栋", "1单元", "502"),
            stop(3, "12栋", "1单元", "101"),
            stop(4, "3栋", "1单元", "201"),
            stop(5, "7栋", "", "101"),
        ];
        // 3栋 (2 stops) + 7栋 (1) fill the first route of 3; 12栋 (2) goes on the next.
        assert_eq!(plan_routes(&stops, 3), vec![vec![4, 2, 5], vec![3, 1]]);
    }

    #[test]
    fn a_building_larger_than_a_route_is_split() {
        let stops: Vec<_> = (1..=5)
            .map(|i| stop(i, "1栋", "", &format!("{i}01")))
            .collect();
        assert_eq!(
            plan_routes(&stops, 2),
            vec![vec![1, 2], vec![3, 4], vec![5]]
        );
    }

    #[test]
    fn the_plan_is_stable_and_never_exceeds_the_limit() {
        let stops: Vec<_> = (1..=23)
            .map(|i| {
                stop(
                    i,
                    &format!("{}栋", i % 4 + 1),
                    "1单元",
                    &format!("{}", 100 + i),
                )
            })
            .collect();
        let first = plan_routes(&stops, 8);
        let mut reversed = stops.clone();
        reversed.reverse();
        assert_eq!(
            plan_routes(&reversed, 8),
            first,
            "input order does not matter"
        );
        assert!(first.iter().all(|r| r.len() <= 8));
        assert_eq!(first.iter().map(Vec::len).sum::<usize>(), 23);
        assert!(plan_routes(&[], 8).is_empty());
    }
}
