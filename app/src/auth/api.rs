//! Account server functions: each is a public endpoint under /api/auth/.

use leptos::prelude::*;

use crate::auth::model::CurrentUser;
#[cfg(feature = "ssr")]
use crate::auth::rules::{parse_display_name, safe_next_path};
use crate::error::AppError;

#[server(endpoint = "auth/me")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    crate::auth::session::current_user().await
}

#[server(endpoint = "auth/register")]
pub async fn register(
    display_name: String,
    phone: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use crate::auth::{db, hashing, session};
    use crate::domain::{
        password::validate_new_password, phone::PhoneNumber, role::Role, role::RoleGrant,
    };

    let display_name = parse_display_name(&display_name)?;
    let phone = PhoneNumber::parse(&phone)?;
    validate_new_password(&password, phone.as_str())?;
    if password != password_confirm {
        return Err(AppError::invalid(crate::tr!(
            "两次输入的密码不一致。",
            "The two passwords do not match."
        )));
    }
    let pool = crate::state::pool()?;
    let password_hash = hashing::hash_password_blocking(password).await?;
    let roles = [RoleGrant {
        role: Role::Family,
        community_id: None,
    }];
    let account = db::NewAccount {
        phone: phone.as_str(),
        display_name: &display_name,
        password_hash: &password_hash,
        roles: &roles,
    };
    let user_id = db::create_user(&pool, account).await?;
    session::start_session(user_id).await?;
    leptos_axum::redirect("/family");
    Ok(())
}

#[server(endpoint = "auth/login")]
pub async fn login(phone: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::auth::{db, hashing, session, throttle};
    use crate::clock::now_unix;
    use crate::domain::phone::PhoneNumber;

    let phone = PhoneNumber::parse(&phone)?;
    let pool = crate::state::pool()?;
    let ip = session::client_ip();
    let now = now_unix();
    throttle::check(&pool, phone.as_str(), &ip, now).await?;
    let record = db::find_login(&pool, phone.as_str()).await?;
    let stored = record.as_ref().map(|r| r.password_hash.clone());
    let matches = hashing::verify_password_blocking(password, stored).await?;
    let Some(record) = record.filter(|_| matches) else {
        throttle::record_failure(&pool, phone.as_str(), &ip, now).await?;
        return Err(AppError::invalid(crate::tr!(
            "手机号或密码不正确。",
            "The mobile number or password is incorrect."
        )));
    };
    throttle::clear(&pool, phone.as_str()).await?;
    session::start_session(record.user_id).await?;
    leptos_axum::redirect(safe_next_path(next.as_deref()));
    Ok(())
}

#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::auth::session::end_session().await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "auth/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    use crate::auth::{db, hashing, session};
    use crate::domain::password::validate_new_password;

    let user = session::require_user().await?;
    let pool = crate::state::pool()?;
    let stored = db::password_hash_of(&pool, user.id).await?;
    if !hashing::verify_password_blocking(current_password, Some(stored)).await? {
        return Err(AppError::invalid(crate::tr!(
            "当前密码不正确。",
            "The current password is incorrect."
        )));
    }
    validate_new_password(&new_password, &user.phone)?;
    if new_password != new_password_confirm {
        return Err(AppError::invalid(crate::tr!(
            "两次输入的新密码不一致。",
            "The two new passwords do not match."
        )));
    }
    let hash = hashing::hash_password_blocking(new_password).await?;
    db::set_password_hash(&pool, user.id, &hash).await?;
    db::delete_other_sessions(&pool, user.id, &session::current_token_hash()?).await?;
    leptos_axum::redirect("/account?changed=1");
    Ok(())
}
