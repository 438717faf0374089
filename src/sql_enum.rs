//! Enums stored as TEXT: one macro so every status, role and mode has the same `as_str`, parsing, serde
//! and SQLite conversions, and a corrupt column is an error instead of a silent default.

/// Declares an enum whose variants map to fixed lowercase strings in the database, JSON and the CLI.
#[macro_export]
macro_rules! sql_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stored text.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> $crate::Result<Self> {
                match s.trim() {
                    $($text => Ok($name::$variant),)+
                    other => {
                        let all: Vec<&str> = vec![$($text),+];
                        Err($crate::Error::invalid(
                            stringify!($name),
                            format!("unknown {} {other:?}; expected one of {}", stringify!($name).to_lowercase(), all.join(", ")),
                        ))
                    }
                }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                s.parse().map_err(|e: $crate::Error| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}
