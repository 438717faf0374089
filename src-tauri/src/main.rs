//! Petromaks desktop: the Tauri window around the core. This file only wires state and commands.
#![forbid(unsafe_code)]
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod native;
mod rendering;
mod state;
#[cfg(test)]
mod tests;

use commands::{
    account, admin, app, audit, batch, calendar, cases, connection, counter, dashboards, documents,
    intake, office, outputs, people, photo, pickups, program, register, reports, review, safety,
    sync, transfer, van, van_road,
};
use tauri::Manager;

/// The app's folders for this user: made owner-only before the webview or a plugin creates them
/// world-readable (WebKit keeps the window's local storage there, the window state plugin its file).
fn make_own_folders() {
    let identifier = "id.petromaks.desktop";
    let folders = [
        petromaks::db::default_file()
            .parent()
            .map(|d| d.to_path_buf()),
        dirs::data_local_dir().map(|d| d.join(identifier)),
        dirs::config_dir().map(|d| d.join(identifier)),
    ];
    for dir in folders.into_iter().flatten() {
        if let Err(e) = petromaks::private::create_dir(&dir) {
            eprintln!("petromaks-desktop: cannot create {}: {e}", dir.display());
        }
    }
}

/// Brings the window forward: a second launch on the same register lands here instead of opening it twice.
fn bring_forward(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

fn main() {
    // Before GTK: an IT person checks the installed version without a display.
    if std::env::args().nth(1).as_deref() == Some("--version") {
        println!("petromaks-desktop {}", petromaks::about::VERSION);
        return;
    }
    rendering::choose();
    // The register this window starts on keys its single instance: `PETROMAKS_DB`, else the one this
    // computer remembers (the office server, a van's file), else the OS app-data file.
    let remembered = state::Remembered::default();
    let address = remembered.startup_address().0;
    make_own_folders();
    let app = tauri::Builder::default()
        // First, so a second launch exits before anything else starts. Keyed by the register (Linux,
        // D-Bus): two registers may be open side by side, one register only once.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(format!("id.petromaks.desktop.r{}", address.instance_key()))
                .callback(|app, _argv, _cwd| bring_forward(app))
                .build(),
        )
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        // Used from Rust only (native.rs); the window is granted none of its commands.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // `PETROMAKS_DB`, else the register this computer remembers (the office server, a van's
            // file), else the OS app-data file, the CLI's default too; never Tauri's own folder.
            let db = state::Database::open(address);
            if let Some(error) = db.open_error() {
                eprintln!(
                    "petromaks-desktop: the register is unavailable: {}",
                    error.message
                );
            }
            app.manage(db);
            app.manage(state::Session::default());
            app.manage(state::Outputs::in_documents());
            app.manage(state::BatchControl::default());
            app.manage(state::ExportControl::default());
            app.manage(state::PickedImport::default());
            app.manage(state::Chosen::<state::Ca>::default());
            app.manage(state::Chosen::<state::OfficeFile>::default());
            app.manage(state::Live::default());
            app.manage(remembered);
            state::auto_backup::start_daily(app.handle().clone());
            state::live::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app::app_info,
            program::about,
            program::privacy_check,
            program::privacy_fix,
            account::session_info,
            account::first_run,
            account::sign_in,
            account::sign_out,
            cases::list_cases,
            cases::today_strip,
            cases::case_detail,
            cases::move_case,
            documents::save_pdf,
            documents::verify_permit,
            documents::export_office_key,
            counter::collect_case,
            photo::case_photo,
            photo::choose_case_photo,
            photo::case_photo_from_documents,
            photo::clear_case_photo,
            intake::trip_intake,
            intake::bag_originals,
            intake::receive_bag,
            register::check_nik,
            register::permit_types,
            register::register_case,
            register::find_villages,
            people::list_users,
            people::add_user,
            people::set_user_active,
            people::reset_password,
            people::change_role,
            office::update_office,
            office::office_logo,
            office::choose_logo,
            office::logo_from_documents,
            office::clear_logo,
            safety::backup_overview,
            safety::backup_now,
            safety::restore_backup,
            safety::restore_damaged,
            safety::choose_backup_folder,
            safety::restore_damaged_from_file,
            transfer::export_data,
            transfer::export_data_as,
            transfer::cancel_export,
            transfer::import_files,
            transfer::import_file,
            transfer::choose_import_file,
            transfer::import_chosen_file,
            admin::admin_catalogue,
            admin::create_permit_type,
            admin::update_permit_type,
            admin::set_permit_type_active,
            admin::delete_permit_type,
            admin::preview_permit_number,
            calendar::holiday_year,
            calendar::add_holiday,
            calendar::edit_holiday,
            calendar::remove_holiday,
            calendar::set_cuti_bersama,
            calendar::import_holidays,
            audit::audit_log,
            audit::verify_audit,
            van::list_trips,
            van::trip_plan_choices,
            van::create_trip,
            van::trip_page,
            van::assign_permits,
            van::assign_village,
            van::unassign_permit,
            van::start_trip,
            van::close_trip,
            van::save_trip_pdf,
            van::open_trip_pdf,
            van_road::record_delivery,
            van_road::record_survey,
            dashboards::dashboards,
            reports::report_choices,
            reports::report,
            reports::save_report,
            pickups::pickup_screen,
            pickups::request_pickup,
            pickups::assign_pickup,
            pickups::close_pickup,
            batch::batch_trips,
            batch::batch_preview,
            batch::print_batch,
            batch::cancel_batch,
            batch::batch_labels,
            outputs::list_printers,
            outputs::print_output,
            outputs::open_output,
            outputs::save_output_as,
            connection::register_settings,
            connection::test_server,
            connection::connect_server,
            connection::use_local_register,
            connection::choose_ca_file,
            connection::register_status,
            connection::watch_register,
            sync::sync_screen,
            sync::checkout_trip,
            sync::checkin_van,
            sync::choose_office_file,
            review::van_conflicts,
            review::resolve_conflict
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| {
            // The last window closed (or the app was asked to quit): keep a copy of the day's work.
            if let tauri::RunEvent::ExitRequested { .. } = event {
                let db = app.state::<state::Database>();
                if let Some(Ok(taken)) =
                    state::auto_backup::backup_on_close(&db, chrono::Utc::now())
                {
                    eprintln!(
                        "petromaks-desktop: backup written to {}",
                        taken.file.path.display()
                    );
                }
            }
        }),
        Err(error) => {
            eprintln!("petromaks-desktop: {error}");
            std::process::exit(1);
        }
    }
}
