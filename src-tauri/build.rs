//! Generates the Tauri context and puts the app's own commands under the ACL: only the commands listed in
//! the app manifest exist as permissions, and `capabilities/main.json` grants them to the main window.

/// Every command of the app (the `#[tauri::command]` functions under `src/`), by name. A command missing here is not callable from the webview.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_cases",
    "session_info",
    "first_run",
    "sign_in",
    "sign_out",
    "case_detail",
    "move_case",
    "save_pdf",
    "collect_case",
    "check_nik",
    "permit_types",
    "register_case",
    "list_users",
    "add_user",
    "update_office",
    "admin_catalogue",
    "create_permit_type",
    "update_permit_type",
    "set_permit_type_active",
    "delete_permit_type",
    "preview_permit_number",
    "holiday_year",
    "add_holiday",
    "edit_holiday",
    "remove_holiday",
    "set_cuti_bersama",
    "import_holidays",
    "set_user_active",
    "reset_password",
    "change_role",
    "audit_log",
    "verify_audit",
    // The van (van.rs, van_road.rs, dashboards.rs).
    "list_trips",
    "trip_plan_choices",
    "create_trip",
    "trip_page",
    "assign_permits",
    "assign_village",
    "unassign_permit",
    "start_trip",
    "close_trip",
    "save_trip_pdf",
    "open_trip_pdf",
    "record_delivery",
    "record_survey",
    "dashboards",
    "pickup_screen",
    "request_pickup",
    "assign_pickup",
    "close_pickup",
    // Documents (documents.rs).
    "verify_permit",
    "export_office_key",
    "batch_trips",
    "find_villages",
    "batch_preview",
    "print_batch",
    "cancel_batch",
    "batch_labels",
    "list_printers",
    "print_output",
    "open_output",
    "save_output_as",
    "office_logo",
    "choose_logo",
    "logo_from_documents",
    "clear_logo",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
