//! Petromaks desktop: the Tauri window around the core. This file only wires state and commands.
#![forbid(unsafe_code)]
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod account;
mod admin;
mod admin_people;
#[cfg(test)]
mod admin_tests;
mod casework;
mod commands;
mod counter;
mod dashboards;
mod documents;
mod error;
mod intake;
mod native;
mod photo;
mod pickups;
mod register;
mod safety;
mod session;
mod settings;
mod state;
#[cfg(test)]
mod testing;
mod transfer;
mod van;
mod van_road;

use tauri::Manager;

fn main() {
    let app = tauri::Builder::default()
        // Used from Rust only (native.rs); the window is granted none of its commands.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // The same file as the CLI: `PETROMAKS_DB` or the OS app-data folder, never Tauri's own.
            let db = state::Database::open(petromaks::db::default_path());
            if let Some(error) = db.open_error() {
                eprintln!(
                    "petromaks-desktop: the database is unavailable: {}",
                    error.message
                );
            }
            app.manage(db);
            app.manage(session::Session::default());
            app.manage(documents::Outputs::default());
            app.manage(documents::BatchControl::default());
            app.manage(transfer::PickedImport::default());
            safety::start_daily(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_cases,
            account::session_info,
            account::first_run,
            account::sign_in,
            account::sign_out,
            casework::case_detail,
            casework::move_case,
            casework::save_pdf,
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
            settings::list_users,
            settings::add_user,
            settings::update_office,
            safety::backup_overview,
            safety::backup_now,
            safety::restore_backup,
            safety::restore_damaged,
            transfer::export_data,
            transfer::import_files,
            transfer::import_file,
            safety::choose_backup_folder,
            transfer::export_data_as,
            transfer::choose_import_file,
            transfer::import_chosen_file,
            safety::restore_damaged_from_file,
            admin::admin_catalogue,
            admin::create_permit_type,
            admin::update_permit_type,
            admin::set_permit_type_active,
            admin::delete_permit_type,
            admin::preview_permit_number,
            admin::holiday_year,
            admin::add_holiday,
            admin::edit_holiday,
            admin::remove_holiday,
            admin::set_cuti_bersama,
            admin::import_holidays,
            admin_people::set_user_active,
            admin_people::reset_password,
            admin_people::change_role,
            admin_people::audit_log,
            admin_people::verify_audit,
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
            pickups::pickup_screen,
            pickups::request_pickup,
            pickups::assign_pickup,
            pickups::close_pickup,
            documents::verify_permit,
            documents::export_office_key,
            documents::batch_trips,
            documents::find_villages,
            documents::batch_preview,
            documents::print_batch,
            documents::cancel_batch,
            documents::batch_labels,
            documents::list_printers,
            documents::print_output,
            documents::open_output,
            documents::save_output_as,
            documents::office_logo,
            documents::choose_logo,
            documents::logo_from_documents,
            documents::clear_logo
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| {
            // The last window closed (or the app was asked to quit): keep a copy of the day's work.
            if let tauri::RunEvent::ExitRequested { .. } = event {
                let db = app.state::<state::Database>();
                if let Some(Ok(taken)) = safety::backup_on_close(&db, chrono::Utc::now()) {
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
