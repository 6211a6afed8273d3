//! School set-up server functions under /api/school/setup/: the semester (admins of every
//! community), teaching sites, rooms and travel times (admins of the site's community),
//! teachers and courses (any admin), and classes (admins of the class's community).

use leptos::prelude::*;

use crate::error::AppError;
use crate::school::model::setup::SchoolSetup;
use crate::school::model::setup::{ClassForm, SemesterForm};
#[cfg(feature = "ssr")]
use crate::school::policy::require_admin;

#[server(endpoint = "school/setup")]
pub async fn load_school_setup() -> Result<SchoolSetup, AppError> {
    let (user, pool) = require_admin().await?;
    let mut setup = crate::school::db::setup::overview(&pool).await?;
    crate::school::policy::mark_editable(&user, &mut setup);
    Ok(setup)
}

/// Creates the next semester (`semester_id` 0) or changes the latest one.
#[server(endpoint = "school/setup/semester")]
pub async fn save_semester(semester_id: i64, form: SemesterForm) -> Result<(), AppError> {
    let (user, pool) = require_admin().await?;
    if !user.is_global_admin() {
        return Err(AppError::Forbidden);
    }
    let semester = form.parse()?;
    crate::school::db::setup::save_semester(&pool, semester_id, &semester, user.id).await
}

#[server(endpoint = "school/setup/site")]
pub async fn save_site(
    site_id: i64,
    community_id: i64,
    name: String,
    address: String,
) -> Result<(), AppError> {
    use crate::school::rules::setup::parse_name;
    let (user, pool) = require_admin().await?;
    let current = crate::school::db::setup::site_community(&pool, site_id).await?;
    if !user.is_admin_of(community_id) || current.is_some_and(|c| !user.is_admin_of(c)) {
        return Err(AppError::Forbidden);
    }
    let name = parse_name(&name, &crate::tr!("教学点名称", "site name"), 30)?;
    let address = parse_name(&address, &crate::tr!("地址", "address"), 80)?;
    crate::school::db::setup::save_site(&pool, site_id, community_id, &name, &address).await
}

#[server(endpoint = "school/setup/room")]
pub async fn save_room(site_id: i64, room_id: i64, name: String) -> Result<(), AppError> {
    let (user, pool) = require_admin().await?;
    let community = crate::school::db::setup::site_community(&pool, site_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !user.is_admin_of(community) {
        return Err(AppError::Forbidden);
    }
    let name =
        crate::school::rules::setup::parse_name(&name, &crate::tr!("教室名称", "room name"), 20)?;
    crate::school::db::setup::save_room(&pool, site_id, room_id, &name).await
}

/// Sets the minutes a teacher needs between two sites (either direction).
#[server(endpoint = "school/setup/travel")]
pub async fn save_travel(from_site: i64, to_site: i64, minutes: String) -> Result<(), AppError> {
    let (user, pool) = require_admin().await?;
    if from_site == to_site {
        return Err(AppError::invalid(crate::tr!(
            "请选择两个不同的教学点。",
            "Please choose two different teaching sites."
        )));
    }
    let mut may = false;
    for site in [from_site, to_site] {
        let community = crate::school::db::setup::site_community(&pool, site)
            .await?
            .ok_or_else(|| {
                AppError::invalid(crate::tr!(
                    "请选择教学点。",
                    "Please choose a teaching site."
                ))
            })?;
        may |= user.is_admin_of(community);
    }
    if !may {
        return Err(AppError::Forbidden);
    }
    let minutes = crate::school::rules::setup::parse_travel_minutes(&minutes)?;
    crate::school::db::setup::save_travel(&pool, from_site, to_site, minutes).await
}

#[server(endpoint = "school/setup/teacher")]
pub async fn save_teacher(
    teacher_id: i64,
    name: String,
    phone: String,
    subjects: String,
) -> Result<(), AppError> {
    use crate::school::rules::setup::parse_name;
    let (_, pool) = require_admin().await?;
    let name = parse_name(&name, &crate::tr!("老师姓名", "teacher's name"), 20)?;
    let phone = match phone.trim() {
        "" => String::new(),
        typed => crate::domain::phone::PhoneNumber::parse(typed)?
            .as_str()
            .to_string(),
    };
    let subjects = subjects.trim();
    if subjects.chars().count() > 40 {
        return Err(AppError::invalid(crate::tr!(
            "所教课程最多 40 个字。",
            "The courses taught can have at most 40 characters."
        )));
    }
    crate::school::db::setup::save_teacher(&pool, teacher_id, &name, &phone, subjects).await
}

#[server(endpoint = "school/setup/course")]
pub async fn save_course(
    course_id: i64,
    name: String,
    description: String,
) -> Result<(), AppError> {
    let (_, pool) = require_admin().await?;
    let name =
        crate::school::rules::setup::parse_name(&name, &crate::tr!("课程名称", "course name"), 20)?;
    let description = description.trim();
    if description.chars().count() > 200 {
        return Err(AppError::invalid(crate::tr!(
            "课程介绍最多 200 个字。",
            "The course description can have at most 200 characters."
        )));
    }
    crate::school::db::setup::save_course(&pool, course_id, &name, description).await
}

/// Opens a class in the latest semester (`class_id` 0) or changes one; more places go to the
/// waitlist as offers.
#[server(endpoint = "school/setup/class")]
pub async fn save_class(form: ClassForm) -> Result<(), AppError> {
    let (user, pool) = require_admin().await?;
    if !user.is_admin_of(form.community_id) {
        return Err(AppError::Forbidden);
    }
    if form.class_id != 0 {
        let current = crate::school::db::setup::class_community(&pool, form.class_id).await?;
        if !current.is_some_and(|c| user.is_admin_of(c)) && !user.is_global_admin() {
            return Err(AppError::Forbidden);
        }
    }
    let terms = form.parse()?;
    let now = crate::clock::now_unix();
    crate::school::db::setup::save_class(&pool, &form, &terms, now).await
}
