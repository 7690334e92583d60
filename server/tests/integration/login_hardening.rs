//! Login under attack, over HTTP on both databases: a burst of guesses is counted before
//! any password is hashed, a lockout does not lock out the owner, a made-up
//! `X-Forwarded-For` entry does not escape the limits, and a login always gets a new
//! session id.

use std::time::Duration;

use crate::common::{PASSWORD, Server, TestDb, browser, login};
use reqwest::{Client, StatusCode, header};

on_both_engines!(
    a_burst_of_guesses_is_checked_at_most_the_limit_times,
    guessing_from_elsewhere_does_not_lock_out_the_owner,
    a_made_up_forwarded_entry_does_not_escape_the_address_limit,
    logging_in_over_a_live_session_gets_a_new_session_id,
    cookies_are_https_only_when_bina_is_served_beyond_this_machine,
);

/// Logs in as a client behind the trusted proxy, which saw it at `address`; `claimed` is
/// what the client itself wrote into `X-Forwarded-For`.
async fn login_via_proxy(
    client: &Client,
    server: &Server,
    nip: &str,
    password: &str,
    claimed: Option<&str>,
    address: &str,
) -> StatusCode {
    let forwarded = match claimed {
        Some(claimed) => format!("{claimed}, {address}"),
        None => address.to_owned(),
    };
    client
        .post(server.url("/api/masuk"))
        .header("accept", "application/json")
        .header("x-forwarded-for", forwarded)
        .form(&[("nip", nip), ("password", password)])
        .send()
        .await
        .expect("login")
        .status()
}

async fn a_burst_of_guesses_is_checked_at_most_the_limit_times(db: TestDb) {
    let server = Server::start(&db).await;
    let nip = db.nip("pegawai");
    let before = server.peak_memory_mb();
    let guesses: Vec<_> = (0..300)
        .map(|i| {
            let url = server.url("/api/masuk");
            let nip = nip.clone();
            tokio::spawn(async move {
                let res = Client::new()
                    .post(url)
                    .header("accept", "application/json")
                    .form(&[("nip", nip.as_str()), ("password", &format!("tebakan-{i}"))])
                    .send()
                    .await
                    .expect("guess");
                (
                    res.status(),
                    res.headers().get(header::RETRY_AFTER).cloned(),
                )
            })
        })
        .collect();
    // The server keeps answering while the burst is in flight.
    let health = Client::new()
        .get(server.url("/healthz"))
        .timeout(Duration::from_secs(1))
        .send()
        .await
        .expect("healthz during the burst");
    assert_eq!(health.status(), StatusCode::OK);

    let mut checked = 0;
    let mut refused = 0;
    for guess in guesses {
        let (status, retry_after) = guess.await.unwrap();
        match status {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                refused += 1;
                assert!(retry_after.is_some(), "a 429 says when to come back");
            }
            other => panic!("unexpected {other}"),
        }
    }
    // The default limit is 5 failures per NIP and address.
    assert!(
        checked <= 5,
        "{checked} guesses were checked against the hash"
    );
    assert_eq!(checked + refused, 300);
    if let (Some(before), Some(peak)) = (before, server.peak_memory_mb()) {
        assert!(
            peak < 300,
            "peak memory {peak} MB (before the burst {before} MB)"
        );
    }
    // The owner, from the same address, is throttled too: that place is locked.
    let owner = login(&browser(), &server, &nip, PASSWORD).await;
    assert_eq!(owner.status, StatusCode::TOO_MANY_REQUESTS);
    server.stop();
    db.remove().await;
}

async fn guessing_from_elsewhere_does_not_lock_out_the_owner(db: TestDb) {
    let server = Server::start_with(
        &db,
        &[
            ("BINA_TRUST_PROXY", "true"),
            ("BINA_LOGIN_MAX_FAILURES", "3"),
            ("BINA_LOGIN_MAX_FAILURES_PER_ACCOUNT_DAILY", "8"),
        ],
    )
    .await;
    let nip = db.nip("admin");
    // The owner has logged in from their own computer before.
    let own_computer = browser();
    let first = login_via_proxy(&own_computer, &server, &nip, PASSWORD, None, "10.0.0.9").await;
    assert_eq!(first, StatusCode::OK);

    // One attacker's address is locked after three guesses...
    let attacker = browser();
    for _ in 0..3 {
        let s = login_via_proxy(&attacker, &server, &nip, "salah", None, "10.6.6.6").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let s = login_via_proxy(&attacker, &server, &nip, PASSWORD, None, "10.6.6.6").await;
    assert_eq!(
        s,
        StatusCode::TOO_MANY_REQUESTS,
        "the guessing place is locked"
    );
    // ...while the owner, from an office elsewhere, still gets in.
    let office = login_via_proxy(&browser(), &server, &nip, PASSWORD, None, "10.0.0.7").await;
    assert_eq!(
        office,
        StatusCode::OK,
        "the owner is not locked out by a stranger"
    );

    // Guesses spread over many addresses reach the daily ceiling (8): a new stranger is
    // refused, even with the right password...
    for i in 1..=5 {
        let s = login_via_proxy(
            &browser(),
            &server,
            &nip,
            "salah",
            None,
            &format!("10.7.0.{i}"),
        )
        .await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let stranger = login_via_proxy(&browser(), &server, &nip, PASSWORD, None, "10.8.0.1").await;
    assert_eq!(stranger, StatusCode::TOO_MANY_REQUESTS, "the ceiling holds");
    // ...but the owner's own computer, wherever it is now, is known and gets in.
    let known = login_via_proxy(&own_computer, &server, &nip, PASSWORD, None, "10.9.0.1").await;
    assert_eq!(known, StatusCode::OK, "a known device passes the ceiling");
    server.stop();
    db.remove().await;
}

async fn a_made_up_forwarded_entry_does_not_escape_the_address_limit(db: TestDb) {
    let server = Server::start_with(
        &db,
        &[
            ("BINA_TRUST_PROXY", "true"),
            ("BINA_LOGIN_MAX_FAILURES_PER_ADDRESS", "4"),
        ],
    )
    .await;
    let client = browser();
    // Four NIPs without accounts, each guess with a new made-up left-most entry.
    for (i, nip) in [
        "199001012015031991",
        "199001012015031992",
        "199001012015031993",
        "199001012015031994",
    ]
    .iter()
    .enumerate()
    {
        let claimed = format!("203.0.113.{i}");
        let s = login_via_proxy(&client, &server, nip, "salah", Some(&claimed), "10.1.1.1").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let s = login_via_proxy(
        &client,
        &server,
        &db.nip("admin"),
        PASSWORD,
        Some("203.0.113.99"),
        "10.1.1.1",
    )
    .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    server.stop();
    db.remove().await;
}

/// The value of the session cookie a response sets, if it sets one.
fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("bina_sesi="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

async fn post_login(client: &Client, server: &Server, nip: &str) -> reqwest::Response {
    client
        .post(server.url("/api/masuk"))
        .header("accept", "application/json")
        .form(&[("nip", nip), ("password", PASSWORD)])
        .send()
        .await
        .expect("login")
}

async fn logging_in_over_a_live_session_gets_a_new_session_id(db: TestDb) {
    let server = Server::start(&db).await;
    let client = browser();
    let first = post_login(&client, &server, &db.nip("pegawai")).await;
    assert_eq!(first.status(), StatusCode::OK);
    let first_id = session_cookie(&first).expect("a session cookie");
    let second = post_login(&client, &server, &db.nip("admin")).await;
    assert_eq!(second.status(), StatusCode::OK);
    let second_id = session_cookie(&second).expect("a new session cookie");
    assert_ne!(first_id, second_id, "the session id changes at login");
    // The old id no longer opens a session.
    let old = Client::new()
        .post(server.url("/api/saya"))
        .header("accept", "application/json")
        .header(header::COOKIE, format!("bina_sesi={first_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.text().await.unwrap(), "null");
    server.stop();
    db.remove().await;
}

/// Bina's own cookies a login response sets (session and device), as sent.
fn bina_cookies(res: &reqwest::Response) -> Vec<String> {
    let cookies: Vec<String> = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|c| c.starts_with("bina_"))
        .map(str::to_owned)
        .collect();
    assert_eq!(cookies.len(), 2, "session and device cookies: {cookies:?}");
    cookies
}

async fn cookies_are_https_only_when_bina_is_served_beyond_this_machine(db: TestDb) {
    let local = Server::start(&db).await;
    let res = post_login(&browser(), &local, &db.nip("pegawai")).await;
    for cookie in bina_cookies(&res) {
        assert!(!cookie.contains("Secure"), "{cookie}");
    }
    assert!(
        res.headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_none()
    );
    local.stop();

    let public = Server::start_listening_on(&db, &[], "0.0.0.0").await;
    let res = post_login(&browser(), &public, &db.nip("pegawai")).await;
    for cookie in bina_cookies(&res) {
        assert!(cookie.contains("; Secure"), "{cookie}");
    }
    assert!(
        res.headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_some()
    );
    public.stop();

    // A plain-HTTP intranet turns it off explicitly.
    let intranet =
        Server::start_listening_on(&db, &[("BINA_COOKIE_SECURE", "false")], "0.0.0.0").await;
    let res = post_login(&browser(), &intranet, &db.nip("pegawai")).await;
    for cookie in bina_cookies(&res) {
        assert!(!cookie.contains("Secure"), "{cookie}");
    }
    intranet.stop();
    db.remove().await;
}
