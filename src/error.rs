//! One error type for the core, with a small stable `code` the UI and the CLI can branch on.

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Messages are English; the UI translates by `code`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names the input at fault so the UI can highlight it.
    #[error("{message}")]
    Invalid {
        field: std::borrow::Cow<'static, str>,
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
    /// The office server refused the database account's password (code `auth` too; the message says it
    /// is the server's account, not a Petromaks sign-in).
    #[error("{0}")]
    ServerAuth(String),
    /// The engine refused a statement (a bug, or a constraint the core did not check first).
    #[error("database: {0}")]
    Db(String),
    /// The schema could not be brought up to date; nothing was changed.
    #[error("{0}")]
    Migration(String),
    /// The register is busy with another desk's work longer than a command waits.
    #[error("{0}")]
    Busy(String),
    /// The office server cannot be reached (stopped, restarted, the cable pulled).
    #[error("{0}")]
    Unavailable(String),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("pdf: {0}")]
    Pdf(String),
    /// The person asked for a long job to stop; it stopped and changed nothing.
    #[error("cancelled")]
    Cancelled,
    /// The database file is damaged or not a Petromaks database.
    #[error("{0}")]
    Corrupt(String),
}

impl Error {
    /// Shorthand for an `Invalid` error.
    pub fn invalid(
        field: impl Into<std::borrow::Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            field: field.into(),
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
    /// `busy`, `db_unavailable`, `io`, `pdf`, `corrupt`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::Forbidden(_) => "forbidden",
            Error::Transition(_) => "transition",
            Error::Conflict(_) => "conflict",
            Error::Auth | Error::ServerAuth(_) => "auth",
            Error::Db(_) | Error::Migration(_) => "db",
            Error::Busy(_) => "busy",
            Error::Unavailable(_) => "db_unavailable",
            Error::Io(_) => "io",
            Error::Pdf(_) => "pdf",
            Error::Corrupt(_) => "corrupt",
            Error::Cancelled => "cancelled",
        }
    }

    /// The input field at fault, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}
