//! Which register this desk works on: the office server ("Sambungkan ke server kantor": host, port,
//! database, user, password, TLS and the office's CA, a test before anything is saved), or this computer's
//! own file; the register in use and whether it can be reached (the connection banner's retry); and the
//! live channel that tells the window another desk changed something. Reachable before anyone signs in:
//! a desk is pointed at the server before its users exist there.
//!
//! Switching register swaps the window's connection without a restart and signs the user out (another
//! register has its own accounts). The password goes to pgpass (`db::save_password`), never to the
//! settings file.

use std::path::PathBuf;

use petromaks::db::probe::{self, Probe};
use petromaks::db::{self, Address, ServerSettings};
use petromaks::people::access::{self, Place};
use petromaks::van::offline::{self, VanStatus};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use super::on_blocking_pool;
use crate::error::CommandError;
use crate::native;
use crate::state::blocking::blocking;
use crate::state::choice::Source;
use crate::state::live::Notice;
use crate::state::{Ca, Chosen, Database, Live, Remembered, Session};

/// The connection screen's data.
#[derive(Debug, Serialize)]
pub struct RegisterSettings {
    /// The register in use, as shown (never with a password).
    pub in_use: String,
    /// `file` or `server`.
    pub engine: &'static str,
    /// The server form's values: those remembered on this computer, or read from the address in use.
    pub server: Option<ServerSettings>,
    /// Where the register in use came from at start-up.
    pub source: Source,
    /// `PETROMAKS_DB` is set: at every start it decides the register, whatever is chosen here.
    pub from_environment: bool,
    /// This computer's own register file.
    pub local_file: String,
    /// The CA certificate chosen in the dialog, if any.
    pub ca_chosen: Option<String>,
}

/// The register in use and how it answers now (the banners' data).
#[derive(Debug, Serialize)]
pub struct RegisterStatus {
    pub address: String,
    pub engine: &'static str,
    pub place: Place,
    /// On a van laptop: the trip worked offline and what waits for check-in.
    pub van: Option<VanStatus>,
    /// The window's register generation (it moves when the window switches register).
    pub generation: u64,
}

fn engine(address: &Address) -> &'static str {
    match address {
        Address::File(_) => "file",
        Address::Server(_) => "server",
    }
}

/// What the connection screen shows.
pub fn register_settings_in(
    db: &Database,
    remembered: &Remembered,
    ca: &Chosen<Ca>,
) -> RegisterSettings {
    let in_use = db.address();
    let source = remembered.startup_address().1;
    let local_file = remembered.local().display().to_string();
    let remembered = remembered.server();
    let server = match &in_use {
        Address::Server(url) => remembered
            .filter(|s| s.url() == *url)
            .or_else(|| ServerSettings::from_url(url).ok()),
        Address::File(_) => remembered,
    };
    RegisterSettings {
        engine: engine(&in_use),
        in_use: in_use.shown(),
        server,
        source,
        from_environment: std::env::var(db::DB_ENV).is_ok_and(|v| !v.trim().is_empty()),
        local_file,
        ca_chosen: ca.get().ok().flatten().map(|p| p.display().to_string()),
    }
}

/// Refuses a CA path the webview made up: it must be the file chosen in the dialog, or the one already
/// remembered for this computer.
fn check_ca(
    settings: &ServerSettings,
    remembered: &Remembered,
    ca: &Chosen<Ca>,
) -> Result<(), CommandError> {
    let Some(asked) = settings.sslrootcert.as_deref().filter(|c| !c.is_empty()) else {
        return Ok(());
    };
    let chosen = ca.get()?.map(|p| p.display().to_string());
    let remembered = remembered.server().and_then(|s| s.sslrootcert);
    if chosen.as_deref() == Some(asked) || remembered.as_deref() == Some(asked) {
        return Ok(());
    }
    Err(petromaks::Error::invalid(
        "sslrootcert",
        "choose the office's CA certificate with the button (the window does not take a typed path)",
    )
    .into())
}

/// Tests the server of `settings` with `password` (or the one saved in pgpass); writes nothing anywhere.
pub fn test_server_in(
    remembered: &Remembered,
    ca: &Chosen<Ca>,
    settings: &ServerSettings,
    password: Option<&str>,
) -> Result<Probe, CommandError> {
    check_ca(settings, remembered, ca)?;
    let address = probe::address_with(settings, password);
    Ok(blocking(|| probe::probe(&address)))
}

/// Makes the office server of `settings` this desk's register: tested first (nothing is saved unless it
/// is a register this program works on), the password saved in pgpass, the choice remembered, the window's
/// connection swapped, the user signed out. Answers the test; the switch happened when it is `ready`.
pub fn connect_server_in(
    db: &Database,
    session: &Session,
    remembered: &Remembered,
    ca: &Chosen<Ca>,
    settings: &ServerSettings,
    password: Option<&str>,
) -> Result<Probe, CommandError> {
    let tested = test_server_in(remembered, ca, settings, password)?;
    if !tested.ready() {
        return Ok(tested);
    }
    if let Some(p) = password.filter(|p| !p.is_empty()) {
        db::save_password(settings, p)?;
    }
    let address = Address::Server(settings.url());
    db.switch_to(address.clone())?;
    remembered.remember(&address, Some(settings))?;
    session.clear()?;
    Ok(tested)
}

/// Makes this computer's own register file the window's register again (created when there is none).
pub fn use_local_register_in(
    db: &Database,
    session: &Session,
    remembered: &Remembered,
) -> Result<String, CommandError> {
    let address = Address::File(remembered.local().to_path_buf());
    db.switch_to(address.clone())?;
    remembered.remember(&address, None)?;
    session.clear()?;
    Ok(address.shown())
}

/// The register in use, read now: an unreachable server answers `db_unavailable`.
pub fn register_status_in(db: &Database) -> Result<RegisterStatus, CommandError> {
    let address = db.address();
    let generation = db.generation();
    let (place, van) = db.with(|db| Ok((access::place(db)?, offline::status(db)?)))?;
    Ok(RegisterStatus {
        engine: engine(&address),
        address: address.shown(),
        place,
        van,
        generation,
    })
}

/// The connection screen's data.
#[tauri::command(async)]
pub fn register_settings(
    db: State<'_, Database>,
    remembered: State<'_, Remembered>,
    ca: State<'_, Chosen<Ca>>,
) -> RegisterSettings {
    register_settings_in(&db, &remembered, &ca)
}

/// "Test the connection".
#[tauri::command(async)]
pub fn test_server(
    remembered: State<'_, Remembered>,
    ca: State<'_, Chosen<Ca>>,
    server: ServerSettings,
    password: Option<String>,
) -> Result<Probe, CommandError> {
    test_server_in(&remembered, &ca, &server, password.as_deref())
}

/// Connects this desk to the office server.
#[tauri::command(async)]
pub fn connect_server(
    db: State<'_, Database>,
    session: State<'_, Session>,
    remembered: State<'_, Remembered>,
    ca: State<'_, Chosen<Ca>>,
    server: ServerSettings,
    password: Option<String>,
) -> Result<Probe, CommandError> {
    connect_server_in(
        &db,
        &session,
        &remembered,
        &ca,
        &server,
        password.as_deref(),
    )
}

/// Back to this computer's own register file.
#[tauri::command(async)]
pub fn use_local_register(
    db: State<'_, Database>,
    session: State<'_, Session>,
    remembered: State<'_, Remembered>,
) -> Result<String, CommandError> {
    use_local_register_in(&db, &session, &remembered)
}

/// Asks for the office's CA certificate with the native dialog; answers its path (`None` if cancelled).
#[tauri::command]
pub async fn choose_ca_file<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, CommandError> {
    on_blocking_pool(move || {
        let Some(path): Option<PathBuf> = native::pick_file(&app, ("PEM", &["pem", "crt", "cer"]))?
        else {
            return Ok(None);
        };
        let shown = path.display().to_string();
        app.state::<Chosen<Ca>>().set(path)?;
        Ok(Some(shown))
    })
    .await
}

/// The register in use and whether it answers.
#[tauri::command(async)]
pub fn register_status(db: State<'_, Database>) -> Result<RegisterStatus, CommandError> {
    register_status_in(&db)
}

/// Sends the register's change notices to `channel` from now on.
#[tauri::command(async)]
pub fn watch_register(live: State<'_, Live>, channel: Channel<Notice>) {
    live.set_channel(channel);
}
