//! The two shapes every stored kind takes: enums stored as TEXT (every status, role and kind gets the same
//! `as_str`, parsing, serde and store conversions, and a corrupt column is an error, never a silent
//! default) and newtype ids stored as INTEGER.

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

        impl $crate::db::Param for $name {
            fn to_value(&self) -> $crate::db::Value {
                $crate::db::Value::Text(self.as_str().to_string())
            }
        }

        impl $crate::db::FromValue for $name {
            fn from_value(v: &$crate::db::Value) -> std::result::Result<Self, String> {
                let s = <String as $crate::db::FromValue>::from_value(v)?;
                s.parse().map_err(|e: $crate::Error| e.to_string())
            }
        }
    };
}

/// Declares a newtype id stored as an INTEGER and sent to the window as a plain number.
#[macro_export]
macro_rules! sql_id {
    ($(#[$meta:meta])* pub struct $name:ident;) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $crate::db::Param for $name {
            fn to_value(&self) -> $crate::db::Value {
                $crate::db::Value::Int(self.0)
            }
        }

        impl $crate::db::FromValue for $name {
            fn from_value(v: &$crate::db::Value) -> std::result::Result<Self, String> {
                <i64 as $crate::db::FromValue>::from_value(v).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}
