//! Server-rendered pages, headers and the health check (SQLite is enough: no SQL of its own).

use crate::common::{Engine, Server, TestDb, browser, logged_in};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_with_security_headers_and_status_codes() {
    let db = TestDb::create(Engine::Sqlite).await.unwrap();
    let server = Server::start(&db).await;
    let client = browser();

    let health = client.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);

    // Anonymous home goes to the login page.
    let home = client
        .get(server.url("/"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(home.status(), StatusCode::FOUND);
    assert_eq!(home.headers()["location"], "/masuk");

    let login = client.get(server.url("/masuk")).send().await.unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let headers = login.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("'nonce-"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    let html = login.text().await.unwrap();
    assert!(
        html.contains("Masuk ke Bina"),
        "Indonesian even for an English browser"
    );
    assert!(html.contains("<label for=\"nip\""));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "inline scripts carry the nonce"
    );

    // English once chosen (the no-JavaScript switch sets the cookie and goes back).
    let switch = client
        .post(server.url("/bahasa"))
        .form(&[("ke", "en"), ("kembali", "/masuk")])
        .send()
        .await
        .unwrap();
    assert_eq!(switch.status(), StatusCode::SEE_OTHER);
    assert_eq!(switch.headers()["location"], "/masuk");
    let english = client
        .get(server.url("/masuk"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("Log in to Bina"));

    let missing = client.get(server.url("/tidak-ada")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.text().await.unwrap().contains("Page not found"));

    // The home page of a logged-in employee shows their own profile.
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let home = pegawai.get(server.url("/")).send().await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.unwrap();
    assert!(html.contains(&db.nip("pegawai")));
    assert!(html.contains("Terpencil"), "remote access class shown");
    // A plain employee has no staff list in the navigation.
    assert!(!html.contains("href=\"/pegawai\""));

    server.stop();
    db.remove().await;
}

/// Many people opening pages at once: every page arrives whole, with its title. (A reactive
/// page title read by leptos_meta after the render panicked the worker under load and
/// dropped up to one page in twenty.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_under_concurrent_load_all_arrive_whole() {
    use futures::StreamExt;
    // Enough that a failure of one page in a hundred (as seen at 32 connections) shows.
    const PAGES: usize = 1200;

    let db = TestDb::create(Engine::Sqlite).await.unwrap();
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;
    let pages = ["/", "/rencana", "/jp"].map(|path| server.url(path));
    let broken: Vec<String> = futures::stream::iter(0..PAGES)
        .map(|i| {
            let client = pegawai.clone();
            let url = pages[i % pages.len()].clone();
            async move {
                let outcome = match client.get(&url).send().await {
                    Ok(res) if res.status() == StatusCode::OK => match res.text().await {
                        Ok(html) if html.contains("<title>") && html.contains("</footer>") => {
                            return None;
                        }
                        Ok(html) => format!("incomplete page ({} bytes)", html.len()),
                        Err(e) => format!("body cut off: {e}"),
                    },
                    Ok(res) => format!("status {}", res.status()),
                    Err(e) => format!("no answer: {e}"),
                };
                Some(format!("{url}: {outcome}"))
            }
        })
        .buffer_unordered(32)
        .filter_map(|failure| async move { failure })
        .collect()
        .await;
    assert!(
        broken.is_empty(),
        "{} of {PAGES} pages broken: {:?}",
        broken.len(),
        &broken[..broken.len().min(5)]
    );

    server.stop();
    db.remove().await;
}

/// A page the browser already holds is revalidated cheaply: a 304 without a body while it is
/// unchanged (whatever the nonce of the new response), the whole page once it has changed.
/// Pages are personal: no shared cache may keep them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unchanged_page_is_revalidated_with_a_304() {
    let db = TestDb::create(Engine::Sqlite).await.unwrap();
    let server = Server::start(&db).await;
    let pegawai = logged_in(&server, &db.nip("pegawai")).await;

    let first = pegawai.get(server.url("/rencana")).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["cache-control"], "private, no-cache");
    let tag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(tag.starts_with("W/\""), "{tag}");

    let again = pegawai
        .get(server.url("/rencana"))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(
        again.headers().get("content-security-policy").is_none(),
        "the browser keeps the policy stored with its copy (its nonce)"
    );
    assert!(again.bytes().await.unwrap().is_empty());

    // Another page, or the same page changed, is sent whole.
    let other = pegawai
        .get(server.url("/jp"))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::OK);
    let changed = pegawai
        .post(server.url("/bahasa"))
        .form(&[("ke", "en"), ("kembali", "/rencana")])
        .send()
        .await
        .unwrap();
    assert!(changed.status().is_redirection() || changed.status().is_success());
    let english = pegawai
        .get(server.url("/rencana"))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(english.status(), StatusCode::OK);
    assert_ne!(english.headers()["etag"].to_str().unwrap(), tag);

    // Logging out clears the pages this browser holds, for the next person on the device.
    let logout = pegawai
        .post(server.url("/api/keluar"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(logout.status().is_redirection(), "{}", logout.status());
    assert_eq!(logout.headers()["clear-site-data"], "\"cache\"");

    server.stop();
    db.remove().await;
}
