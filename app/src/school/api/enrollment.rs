//! Elderly-school server functions under /api/school/: the catalog (anyone signed in),
//! enrolling, dropping and answering offers (the person, their family, or community staff).
//! Timetables are in `api::timetable`, set-up in `api::setup`.

use leptos::prelude::*;

use crate::error::AppError;
use crate::school::model::enrollment::{Catalog, EnrollmentAction, EnrollmentView};

/// The catalog, optionally only classes at a site or on an ISO weekday.
#[server(endpoint = "school/catalog")]
pub async fn load_catalog(site: Option<i64>, weekday: Option<i64>) -> Result<Catalog, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let (semester, enroll_window, classes) =
        crate::school::db::catalog::catalog(&pool, site, weekday).await?;
    let sites = crate::school::db::catalog::sites(&pool).await?;
    let scope = crate::household::policy::elder_scope(&user);
    let elders = crate::household::db::elders_in_scope(&pool, &scope)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    Ok(Catalog {
        semester,
        enroll_window,
        classes,
        elders,
        sites,
    })
}

#[server(endpoint = "school/enroll")]
pub async fn enroll_in_class(class_id: i64, elder_id: i64) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let today = crate::clock::today_in_shanghai();
    crate::school::db::enrollment::enroll(
        &crate::state::writer()?,
        class_id,
        elder_id,
        user.id,
        today,
    )
    .await?;
    leptos_axum::redirect("/school/mine");
    Ok(())
}

/// The caller's household's enrollments this semester, and each elder's calendar link
/// (name, path of the .ics feed).
#[server(endpoint = "school/mine")]
pub async fn my_enrollments() -> Result<(Vec<EnrollmentView>, Vec<(String, String)>), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let filter = crate::household::db::ElderFilter {
        family_of: Some(user.id),
        ..Default::default()
    };
    let elders = crate::household::db::find_elders(
        &pool,
        filter,
        user.id,
        crate::clock::today_in_shanghai(),
    )
    .await?;
    let ids: Vec<i64> = elders.iter().map(|e| e.id).collect();
    let enrollments = crate::school::db::catalog::enrollments_of(&pool, &ids).await?;
    let mut calendars = Vec::new();
    for elder in elders {
        let token = crate::school::db::calendar::calendar_token(&pool, elder.id).await?;
        calendars.push((elder.name, format!("/school/calendar/{token}.ics")));
    }
    Ok((enrollments, calendars))
}

/// Drops an enrollment, or accepts or declines its seat offer, for an elder the caller may act for.
#[server(endpoint = "school/answer")]
pub async fn change_enrollment(
    enrollment_id: i64,
    action: EnrollmentAction,
) -> Result<(), AppError> {
    use crate::school::db::enrollment as enroll_db;
    let (user, pool) = crate::auth::session::caller().await?;
    let elder = crate::school::db::catalog::elder_of(&pool, enrollment_id).await?;
    crate::household::policy::authorize(&pool, &user, elder).await?;
    let now = crate::clock::now_unix();
    let writer = crate::state::writer()?;
    match action {
        EnrollmentAction::Drop => enroll_db::drop_enrollment(&writer, enrollment_id, now).await,
        EnrollmentAction::Accept => {
            enroll_db::answer_offer(&writer, enrollment_id, true, now).await
        }
        EnrollmentAction::Decline => {
            enroll_db::answer_offer(&writer, enrollment_id, false, now).await
        }
    }
}
