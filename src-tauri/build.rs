//! Generates the Tauri context and puts the app's own commands under the ACL: only the commands listed in
//! the app manifest exist as permissions, and `capabilities/main.json` grants them to the main window.

/// Every command in `src/commands.rs`, `src/account.rs`, `src/casework.rs`, `src/register.rs`, `src/settings.rs` and `src/documents.rs`, by name. A command missing here is not callable from the webview.
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
    "check_nik",
    "permit_types",
    "register_case",
    "list_users",
    "add_user",
    "update_office",
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
