//! Enums that are stored and exchanged as short codes ("dine_in", "out_for_delivery") and
//! shown with a label in each interface language. One macro writes the enum, its codes and
//! labels, so a new status is one line.

/// `coded_enum!` declares a `Copy` enum with `ALL`, `code()`, `from_code()`, `label()` (the
/// Chinese label, for server messages) and `label_in(locale)` (for pages).
///
/// Written `coded_enum!(wire = code; …)`, the enum serialises as its code, the form today's
/// pages and stored rows use; without it, as the variant name. On the server the enum is also
/// an `sqlx::Type` stored as its code.
macro_rules! coded_enum {
    (@wire code, $value:ident, $name:ident { $($variant:ident),+ }) => {
        $value.code()
    };
    (@wire name, $value:ident, $name:ident { $($variant:ident),+ }) => {
        match $value { $($name::$variant => stringify!($variant)),+ }
    };
    (@declare $wire:ident; $(#[$meta:meta])* $name:ident {
        $($variant:ident = ($code:literal, $zh:literal, $en:literal)),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type))]
        pub enum $name {
            $(#[cfg_attr(feature = "ssr", sqlx(rename = $code))] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// The Chinese label (server messages and stored texts).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }

            /// The label in the page's language.
            pub fn label_in(self, locale: $crate::ui::prefs::Locale) -> &'static str {
                match locale {
                    $crate::ui::prefs::Locale::Zh => self.label(),
                    $crate::ui::prefs::Locale::En => match self { $($name::$variant => $en),+ },
                }
            }

            /// How the enum travels in JSON and forms.
            fn wire(self) -> &'static str {
                $crate::domain::code::coded_enum!(@wire $wire, self, $name { $($variant),+ })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.wire())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.wire() == text)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&text, &[]))
            }
        }
    };
    (wire = code; $($rest:tt)*) => {
        $crate::domain::code::coded_enum!(@declare code; $($rest)*);
    };
    ($($rest:tt)*) => {
        $crate::domain::code::coded_enum!(@declare name; $($rest)*);
    };
}

pub(crate) use coded_enum;

#[cfg(test)]
mod tests {
    use crate::ui::prefs::Locale;

    coded_enum!(
        wire = code;
        Sample {
            OutForDelivery = ("out_for_delivery", "配送中", "Out for delivery"),
            NoAnswer = ("no_answer", "无人应答", "No answer"),
        }
    );

    coded_enum!(
        Named {
            Worker = ("worker", "社区工作者", "Community worker"),
        }
    );

    #[test]
    fn codes_and_labels_round_trip() {
        for &value in Sample::ALL {
            assert_eq!(Sample::from_code(value.code()), Some(value));
        }
        assert_eq!(Sample::from_code("gone"), None);
        assert_eq!(Sample::NoAnswer.label(), "无人应答");
        assert_eq!(Sample::NoAnswer.label_in(Locale::En), "No answer");
        assert_eq!(Sample::NoAnswer.label_in(Locale::Zh), "无人应答");
    }

    #[test]
    fn a_code_enum_travels_as_its_code_and_a_named_one_as_its_name() {
        let code = serde_json::to_string(&Sample::OutForDelivery).unwrap();
        assert_eq!(code, "\"out_for_delivery\"");
        let back: Sample = serde_json::from_str(&code).unwrap();
        assert_eq!(back, Sample::OutForDelivery);
        assert_eq!(serde_json::to_string(&Named::Worker).unwrap(), "\"Worker\"");
        assert_eq!(Named::from_code("worker"), Some(Named::Worker));
        assert_eq!(Named::ALL.len(), 1);
        assert_eq!(Named::Worker.code(), "worker");
        assert_eq!(Named::Worker.label_in(Locale::En), "Community worker");
        assert_eq!(Named::Worker.label(), "社区工作者");
    }
}
