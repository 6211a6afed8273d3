//! Reading the role form, without a database.

use crate::domain::role::{Role, RoleGrant};
use crate::error::AppError;

/// Parses the role form: a role code and, for scoped roles, a community ("" for none).
pub fn parse_grant(role: &str, community_id: &str) -> Result<RoleGrant, AppError> {
    let role = Role::from_code(role).ok_or_else(|| {
        AppError::invalid(crate::tr!(
            "请选择要授予的身份。",
            "Please choose the role to grant."
        ))
    })?;
    let community_id = match community_id.trim() {
        "" => None,
        text => Some(text.parse::<i64>().map_err(|_| {
            AppError::invalid(crate::tr!("请选择社区。", "Please choose a community."))
        })?),
    };
    match (role.is_scoped(), community_id) {
        (false, _) => Ok(RoleGrant {
            role,
            community_id: None,
        }),
        (true, None) if role != Role::Admin => Err(AppError::invalid(crate::tr!(
            "“{}”需要选择社区。",
            "Please choose a community for “{}”.",
            role.label_in(crate::i18n::message_locale())
        ))),
        (true, community_id) => Ok(RoleGrant { role, community_id }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_roles_need_a_community_but_family_roles_do_not() {
        assert!(parse_grant("worker", "")
            .unwrap_err()
            .to_string()
            .contains("需要选择社区"));
        assert_eq!(
            parse_grant("volunteer", "3").unwrap(),
            RoleGrant {
                role: Role::Volunteer,
                community_id: None
            }
        );
        assert_eq!(
            parse_grant("admin", "").unwrap(),
            RoleGrant {
                role: Role::Admin,
                community_id: None
            }
        );
        assert!(parse_grant("root", "").is_err());
    }
}
