//! Whose request is it? Behind a reverse proxy the TCP peer is the proxy, and the client's
//! address is in `X-Forwarded-For` or `Forwarded`. Those headers are believed only when the
//! peer is one of the configured trusted proxies (`XINGFU_TRUSTED_PROXIES`); anyone else could
//! write whatever they like there to dodge the log-in throttle.

use std::net::IpAddr;

/// Addresses and networks (`10.0.0.0/8`, `::1`) whose forwarding headers are believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// Parses a comma- or space-separated list; an entry that is not an address or network
    /// is an error naming it.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for entry in list.split([',', ' ']).filter(|e| !e.is_empty()) {
            let (addr, bits) = match entry.split_once('/') {
                Some((addr, bits)) => (addr, Some(bits)),
                None => (entry, None),
            };
            let addr: IpAddr = addr
                .parse()
                .map_err(|_| format!("{entry} is not an IP address or network"))?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                Some(bits) => bits
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= max)
                    .ok_or_else(|| format!("{entry} has an invalid prefix length"))?,
                None => max,
            };
            nets.push((addr, bits));
        }
        Ok(Self(nets))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0
            .iter()
            .any(|(net, bits)| same_prefix(*net, ip, *bits))
    }
}

fn same_prefix(net: IpAddr, ip: IpAddr, bits: u8) -> bool {
    fn masked(value: u128, width: u32, bits: u8) -> u128 {
        let bits = u32::from(bits);
        if bits == 0 {
            0
        } else {
            value >> (width - bits)
        }
    }
    match (net, unmapped(ip)) {
        (IpAddr::V4(n), IpAddr::V4(i)) => {
            masked(u32::from(n).into(), 32, bits) == masked(u32::from(i).into(), 32, bits)
        }
        (IpAddr::V6(n), IpAddr::V6(i)) => {
            masked(u128::from(n), 128, bits) == masked(u128::from(i), 128, bits)
        }
        _ => false,
    }
}

/// `::ffff:1.2.3.4` as `1.2.3.4`, as a dual-stack listener reports IPv4 peers.
fn unmapped(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The addresses a request passed through, client first, from `Forwarded` (RFC 7239) or else
/// `X-Forwarded-For`. Entries that are not addresses (`unknown`, obfuscated names) end the list.
fn forwarded_chain(forwarded: Option<&str>, forwarded_for: Option<&str>) -> Vec<Option<IpAddr>> {
    if let Some(forwarded) = forwarded {
        return forwarded
            .split(',')
            .map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.eq_ignore_ascii_case("for")
                        .then(|| parse_node(value.trim().trim_matches('"')))
                        .flatten()
                })
            })
            .collect();
    }
    forwarded_for
        .map(|list| list.split(',').map(|a| parse_node(a.trim())).collect())
        .unwrap_or_default()
}

/// `1.2.3.4`, `1.2.3.4:5678`, `[2001:db8::1]:5678` or `2001:db8::1`.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    node.rsplit_once(':')?.0.parse().ok()
}

/// The client's address: the peer itself, unless the peer is a trusted proxy; then the
/// nearest address in the forwarding chain that is not a trusted proxy (walking from the
/// proxy back towards the client).
pub fn client_address(
    peer: IpAddr,
    forwarded: Option<&str>,
    forwarded_for: Option<&str>,
    trusted: &TrustedProxies,
) -> IpAddr {
    let peer = unmapped(peer);
    if !trusted.contains(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_chain(forwarded, forwarded_for).into_iter().rev() {
        match hop {
            Some(ip) => {
                client = unmapped(ip);
                if !trusted.contains(client) {
                    break;
                }
            }
            None => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn proxies(list: &str) -> TrustedProxies {
        TrustedProxies::parse(list).unwrap()
    }

    #[test]
    fn headers_from_an_untrusted_peer_are_ignored() {
        let none = TrustedProxies::default();
        let got = client_address(ip("203.0.113.9"), None, Some("1.1.1.1"), &none);
        assert_eq!(got, ip("203.0.113.9"));
        let got = client_address(
            ip("203.0.113.9"),
            None,
            Some("1.1.1.1"),
            &proxies("10.0.0.0/8"),
        );
        assert_eq!(got, ip("203.0.113.9"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_forwarded_client_counts() {
        let local = proxies("127.0.0.1, ::1");
        let got = client_address(ip("127.0.0.1"), None, Some("198.51.100.7"), &local);
        assert_eq!(got, ip("198.51.100.7"));
        let got = client_address(ip("::ffff:127.0.0.1"), None, Some("198.51.100.7"), &local);
        assert_eq!(got, ip("198.51.100.7"));
    }

    #[test]
    fn a_client_cannot_hide_behind_an_address_it_wrote_itself() {
        // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real peer.
        let got = client_address(
            ip("10.0.0.2"),
            None,
            Some("6.6.6.6, 198.51.100.7"),
            &proxies("10.0.0.0/8"),
        );
        assert_eq!(got, ip("198.51.100.7"));
    }

    #[test]
    fn chains_of_trusted_proxies_are_walked_back_to_the_client() {
        let got = client_address(
            ip("10.0.0.2"),
            None,
            Some("198.51.100.7, 10.1.2.3"),
            &proxies("10.0.0.0/8"),
        );
        assert_eq!(got, ip("198.51.100.7"));
    }

    #[test]
    fn the_standard_forwarded_header_is_read_too() {
        let trusted = proxies("10.0.0.0/8");
        let header = r#"for="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.9"#;
        let got = client_address(ip("10.0.0.2"), Some(header), None, &trusted);
        assert_eq!(got, ip("2001:db8:cafe::17"));
        let got = client_address(ip("10.0.0.2"), Some("for=unknown"), None, &trusted);
        assert_eq!(got, ip("10.0.0.2"));
    }

    #[test]
    fn bad_entries_are_named() {
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
        assert_eq!(
            TrustedProxies::parse("").unwrap(),
            TrustedProxies::default()
        );
        assert!(proxies("192.168.0.0/16").contains(ip("192.168.44.1")));
        assert!(!proxies("192.168.0.0/16").contains(ip("192.169.0.1")));
    }
}
