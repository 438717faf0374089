//! One error type for the core, with a small stable `code` the UI and the CLI can branch on.

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Messages are English; the UI translates by `code`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names the input at fault so the UI can highlight it.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The thing asked for does not exist.
    #[error("{what} not found: {key}")]
    NotFound { what: &'static str, key: String },
    /// The acting user's role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The case's status does not allow this step.
    #[error("{0}")]
    Transition(String),
    /// Something that must be unique already exists.
    #[error("{0}")]
    Conflict(String),
    /// Sign-in failed.
    #[error("wrong username or password")]
    Auth,
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("database migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("pdf: {0}")]
    Pdf(String),
    /// The database file is damaged or not a Petromaks database.
    #[error("{0}")]
    Corrupt(String),
}

impl Error {
    /// Shorthand for an `Invalid` error.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    /// Shorthand for a `NotFound` error.
    pub fn not_found(what: &'static str, key: impl ToString) -> Self {
        Error::NotFound {
            what,
            key: key.to_string(),
        }
    }

    /// A short stable code: `invalid`, `not_found`, `forbidden`, `transition`, `conflict`, `auth`, `db`,
    /// `io`, `pdf`, `corrupt`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::Forbidden(_) => "forbidden",
            Error::Transition(_) => "transition",
            Error::Conflict(_) => "conflict",
            Error::Auth => "auth",
            Error::Db(_) | Error::Migration(_) => "db",
            Error::Io(_) => "io",
            Error::Pdf(_) => "pdf",
            Error::Corrupt(_) => "corrupt",
        }
    }

    /// The input field at fault, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}
