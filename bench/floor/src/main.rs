//! Serves the floor page and its assets (brotli, as Bina does).

use axum::Router;
use bina_floor::{App, shell};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::{compression::CompressionLayer, services::ServeDir};

#[tokio::main]
async fn main() {
    let conf = get_configuration(None).expect("the floor's cargo-leptos settings");
    let options = conf.leptos_options;
    let addr = options.site_addr;
    let pkg = format!("{}/{}", options.site_root, options.site_pkg_dir);
    let routes = generate_route_list(App);
    let app = Router::new()
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest_service("/pkg", ServeDir::new(pkg).precompressed_br())
        .layer(CompressionLayer::new())
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(addr).await.expect("the floor's port");
    axum::serve(listener, app).await.expect("the floor's server");
}
