//! Server-rendered pages, headers and the health check (SQLite is enough: no SQL of its own).

mod common;

use common::{Engine, Server, TestDb, browser, logged_in};
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
