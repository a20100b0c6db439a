//! Where webhooks may go: the URL rules and the address check (SSRF).
//!
//! A webhook URL is chosen by whoever holds a `webhooks` key, and Folio
//! sends it requests from inside the deployment's network. So every
//! address it connects to is checked, after DNS resolution, by the
//! resolver the HTTP client uses ([`GuardedResolver`]): a name that
//! resolved to a public address when the endpoint was created and to
//! `10.0.0.5` at delivery time (DNS rebinding) is refused at delivery
//! time. URLs with a literal address never reach a resolver and are
//! checked by [`check_url`]. Redirects are not followed.
//!
//! Refused: loopback, private (RFC 1918, unique-local), link-local,
//! shared (CGNAT), unspecified, broadcast, multicast, documentation and
//! reserved ranges, and IPv6 forms that embed a refused IPv4 address.
//! `--webhook-allow-private` allows all of those (and `http`) for tests and
//! on-premises receivers, except the cloud metadata addresses, which no
//! receiver lives at.

use reqwest::Url;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;

/// Longest webhook URL accepted.
pub const MAX_URL_LEN: usize = 2048;

/// Which destinations are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressPolicy {
    /// Allow `http` and private, loopback and link-local addresses.
    pub allow_private: bool,
}

/// Why a URL or address is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("`{0}` is not a URL: {1}")]
    NotUrl(String, String),
    #[error("webhook URLs must be https (http only with --webhook-allow-private)")]
    Scheme,
    #[error("webhook URLs may not carry a user name or password; authenticate the request by its signature")]
    Credentials,
    #[error("webhook URLs may not have a #fragment")]
    Fragment,
    #[error("webhook URLs are at most {MAX_URL_LEN} characters")]
    TooLong,
    #[error("the URL has no host")]
    NoHost,
    #[error(
        "{host} is {class} address {ip}; webhooks go only to public addresses (start the server with --webhook-allow-private for on-premises receivers)"
    )]
    Address { host: String, ip: IpAddr, class: &'static str },
    #[error("{host} is the cloud metadata address {ip}; no webhook goes there")]
    Metadata { host: String, ip: IpAddr },
}

/// The class of a refused address, or `None` for a public one.
pub fn classify(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        _ if ip.is_unspecified() || a == 0 => "an unspecified",
        _ if ip.is_loopback() => "a loopback",
        (10, ..) | (172, 16..=31, _) | (192, 168, _) => "a private",
        (169, 254, _) => "a link-local",
        (100, 64..=127, _) => "a shared (carrier-grade NAT)",
        (192, 0, 0) => "an IETF protocol",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "a documentation",
        (198, 18..=19, _) => "a benchmarking",
        (224..=239, ..) => "a multicast",
        (240..=255, ..) => "a reserved or broadcast",
        _ => return None,
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let s = ip.segments();
    Some(match s {
        _ if ip.is_unspecified() => "an unspecified",
        _ if ip.is_loopback() => "a loopback",
        // NAT64 (64:ff9b::/96) reaches the IPv4 address it embeds.
        [0x64, 0xff9b, 0, 0, 0, 0, ..] => return classify_v4(Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8)),
        // IPv4-compatible (deprecated) ::a.b.c.d.
        [0, 0, 0, 0, 0, 0, ..] => "an IPv4-compatible",
        [x, ..] if x & 0xfe00 == 0xfc00 => "a private (unique-local)",
        [x, ..] if x & 0xffc0 == 0xfe80 => "a link-local",
        [x, ..] if x & 0xffc0 == 0xfec0 => "a site-local",
        [x, ..] if x & 0xff00 == 0xff00 => "a multicast",
        [0x2001, 0xdb8, ..] => "a documentation",
        [0x100, 0, 0, 0, ..] => "a discard-only",
        _ => return None,
    })
}

/// The cloud providers' instance metadata addresses.
pub fn is_metadata(ip: IpAddr) -> bool {
    const METADATA: [IpAddr; 3] = [
        IpAddr::V4(Ipv4Addr::new(169, 254, 169, 254)),
        IpAddr::V4(Ipv4Addr::new(100, 100, 100, 200)),
        IpAddr::V6(Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254)),
    ];
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    METADATA.contains(&ip)
}

impl AddressPolicy {
    /// Whether Folio may connect to `ip` for `host`.
    pub fn check(&self, host: &str, ip: IpAddr) -> Result<(), Refused> {
        if is_metadata(ip) {
            return Err(Refused::Metadata { host: host.to_string(), ip });
        }
        match classify(ip) {
            Some(class) if !self.allow_private => Err(Refused::Address { host: host.to_string(), ip, class }),
            _ => Ok(()),
        }
    }
}

/// Parses and checks a webhook URL's form, and its address when the host
/// is a literal one. A host name is checked when it is resolved.
pub fn check_url(text: &str, policy: AddressPolicy) -> Result<Url, Refused> {
    if text.len() > MAX_URL_LEN {
        return Err(Refused::TooLong);
    }
    let url = Url::parse(text).map_err(|e| Refused::NotUrl(text.chars().take(100).collect(), e.to_string()))?;
    match url.scheme() {
        "https" => {}
        "http" if policy.allow_private => {}
        _ => return Err(Refused::Scheme),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refused::Credentials);
    }
    if url.fragment().is_some() {
        return Err(Refused::Fragment);
    }
    let host = url.host_str().unwrap_or_default().to_string();
    match url.host() {
        Some(url::Host::Ipv4(ip)) => policy.check(&host, IpAddr::V4(ip))?,
        Some(url::Host::Ipv6(ip)) => policy.check(&host, IpAddr::V6(ip))?,
        Some(url::Host::Domain(_)) => {}
        None => return Err(Refused::NoHost),
    }
    Ok(url)
}

/// Looks a host name up: the system resolver, or a stand-in in tests.
pub type Lookup = Arc<dyn Fn(String) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send>> + Send + Sync>;

/// The system resolver (getaddrinfo, through tokio).
pub fn system_lookup() -> Lookup {
    Arc::new(|host: String| Box::pin(async move { Ok(tokio::net::lookup_host((host.as_str(), 0)).await?.map(|a| a.ip()).collect()) }))
}

/// Resolves a name and keeps only the addresses the policy allows: the
/// HTTP client connects only to what this returns.
#[derive(Clone)]
pub struct GuardedResolver {
    policy: AddressPolicy,
    lookup: Lookup,
}

impl GuardedResolver {
    pub fn new(policy: AddressPolicy, lookup: Lookup) -> Self {
        GuardedResolver { policy, lookup }
    }

    /// The allowed addresses of `host`, or why there are none.
    pub async fn resolve_checked(&self, host: &str) -> Result<Vec<IpAddr>, ResolveError> {
        let found = (self.lookup)(host.to_string()).await.map_err(|e| ResolveError::Lookup(host.to_string(), e.to_string()))?;
        let mut allowed = Vec::new();
        let mut refused = None;
        for ip in found {
            match self.policy.check(host, ip) {
                Ok(()) => allowed.push(ip),
                Err(why) => refused = Some(why),
            }
        }
        match (allowed.is_empty(), refused) {
            (false, _) => Ok(allowed),
            (true, Some(why)) => Err(ResolveError::Refused(why)),
            (true, None) => Err(ResolveError::Lookup(host.to_string(), "no addresses".into())),
        }
    }
}

/// Why a host gave no address to connect to.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("cannot resolve {0}: {1}")]
    Lookup(String, String),
    #[error("refused: {0}")]
    Refused(Refused),
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let this = self.clone();
        Box::pin(async move {
            let ips = this.resolve_checked(name.as_str()).await?;
            let addrs: reqwest::dns::Addrs = Box::new(ips.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const STRICT: AddressPolicy = AddressPolicy { allow_private: false };
    const OPEN: AddressPolicy = AddressPolicy { allow_private: true };

    #[test]
    fn refused_and_public_addresses() {
        for refused in [
            "127.0.0.1",
            "127.8.9.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "169.254.1.1",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "::127.0.0.1",
            "2001:db8::1",
            "ff02::1",
        ] {
            let ip: IpAddr = refused.parse().unwrap();
            assert!(STRICT.check("h", ip).is_err(), "{refused} is refused");
        }
        for public in ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808"] {
            let ip: IpAddr = public.parse().unwrap();
            assert_eq!(STRICT.check("h", ip), Ok(()), "{public} is public");
        }
        // Allowing private addresses never allows the metadata service.
        assert_eq!(OPEN.check("h", "10.0.0.1".parse().unwrap()), Ok(()));
        for metadata in ["169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254", "100.100.100.200"] {
            assert!(matches!(OPEN.check("h", metadata.parse().unwrap()), Err(Refused::Metadata { .. })), "{metadata}");
        }
    }

    #[test]
    fn url_rules() {
        assert!(check_url("https://hooks.example.com/folio?x=1", STRICT).is_ok());
        assert_eq!(check_url("http://hooks.example.com/", STRICT).unwrap_err(), Refused::Scheme);
        assert!(check_url("http://hooks.example.com/", OPEN).is_ok());
        assert_eq!(check_url("ftp://hooks.example.com/", OPEN).unwrap_err(), Refused::Scheme);
        assert_eq!(check_url("https://u:p@hooks.example.com/", STRICT).unwrap_err(), Refused::Credentials);
        assert_eq!(check_url("https://hooks.example.com/#x", STRICT).unwrap_err(), Refused::Fragment);
        assert!(matches!(check_url("not a url", STRICT), Err(Refused::NotUrl(..))));
        assert_eq!(check_url(&format!("https://a.example/{}", "x".repeat(MAX_URL_LEN)), STRICT).unwrap_err(), Refused::TooLong);
        for literal in
            ["https://127.0.0.1/", "https://10.0.0.8:8443/x", "https://169.254.169.254/latest", "https://[::1]/", "https://0x7f000001/"]
        {
            assert!(matches!(check_url(literal, STRICT), Err(Refused::Address { .. } | Refused::Metadata { .. })), "{literal}");
        }
    }

    /// A name that resolves to a public address once and to a private one
    /// the next time (DNS rebinding) is refused the second time: the check
    /// is on the addresses connected to, not on what was seen earlier.
    #[tokio::test]
    async fn every_resolution_is_checked() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = calls.clone();
        let lookup: Lookup = Arc::new(move |_host| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move { Ok(if n == 0 { vec!["93.184.216.34".parse().unwrap()] } else { vec!["10.0.0.5".parse().unwrap()] }) })
        });
        let resolver = GuardedResolver::new(STRICT, lookup);
        assert_eq!(resolver.resolve_checked("rebind.example").await.unwrap(), vec!["93.184.216.34".parse::<IpAddr>().unwrap()]);
        let err = resolver.resolve_checked("rebind.example").await.unwrap_err();
        assert!(err.to_string().contains("10.0.0.5"), "{err}");
        // A name with public and private addresses connects only to the public ones.
        let mixed: Lookup = Arc::new(|_| Box::pin(async { Ok(vec!["10.0.0.5".parse().unwrap(), "93.184.216.34".parse().unwrap()]) }));
        let only = GuardedResolver::new(STRICT, mixed).resolve_checked("mixed.example").await.unwrap();
        assert_eq!(only, vec!["93.184.216.34".parse::<IpAddr>().unwrap()]);
        // The system resolver's answer for localhost is refused.
        let err = GuardedResolver::new(STRICT, system_lookup()).resolve_checked("localhost").await.unwrap_err();
        assert!(matches!(err, ResolveError::Refused(Refused::Address { .. })), "{err}");
    }
}
