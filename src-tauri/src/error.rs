//! The one shape an error has when it crosses IPC: `{ code, message, field }`.
//!
//! The UI branches on `code`, shows `message` (translated by code where it has a translation) and
//! highlights `field`. Core errors convert with `?`/`map_err(Into::into)`; nothing here knows SQL.

use serde::Serialize;

/// An error as the webview receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// A short stable code: the core's codes plus `db_damaged`, `signed_out` and `internal` from the shell.
    pub code: &'static str,
    /// A human readable English message; the UI prefers its own translation of `code`.
    pub message: String,
    /// The input field at fault, when there is one (the core names it, e.g. `field_key_2`).
    pub field: Option<String>,
}

impl CommandError {
    /// The database could not be opened at start-up: every data command answers with this.
    pub fn db_unavailable(message: impl Into<String>) -> Self {
        CommandError {
            code: "db_unavailable",
            message: message.into(),
            field: None,
        }
    }

    /// The start-up check found the register damaged: nothing opens it until a backup is restored.
    pub fn db_damaged(message: impl Into<String>) -> Self {
        CommandError {
            code: "db_damaged",
            message: message.into(),
            field: None,
        }
    }

    /// A command that needs a signed-in user was called with nobody signed in (or after a lock).
    pub fn signed_out() -> Self {
        CommandError {
            code: "signed_out",
            message: "nobody is signed in: sign in first".into(),
            field: None,
        }
    }

    /// A failure of the shell itself (a poisoned lock after a panic in another command).
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError {
            code: "internal",
            message: message.into(),
            field: None,
        }
    }
}

impl From<petromaks::Error> for CommandError {
    fn from(error: petromaks::Error) -> Self {
        CommandError {
            code: error.code(),
            message: error.to_string(),
            field: error.field().map(str::to_string),
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_code_message_and_field() {
        let error: CommandError =
            petromaks::Error::invalid("field_key_2", "the key is used twice").into();
        assert_eq!(error.code, "invalid");
        assert_eq!(error.field.as_deref(), Some("field_key_2"));
        assert_eq!(error.message, "the key is used twice");
    }

    #[test]
    fn serializes_as_code_message_field() -> Result<(), serde_json::Error> {
        let json = serde_json::to_value(CommandError::db_unavailable("cannot open x.sqlite"))?;
        assert_eq!(
            json,
            serde_json::json!({"code": "db_unavailable", "message": "cannot open x.sqlite", "field": null})
        );
        let json = serde_json::to_value(CommandError::from(petromaks::Error::invalid(
            "nik",
            "NIK must have 16 digits",
        )))?;
        assert_eq!(json["field"], "nik");
        Ok(())
    }
}
