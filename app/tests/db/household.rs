//! Database tests for elders, family links, access and role administration.

use app::auth::db::load_user;
use app::db::Pool;
use app::domain::elder::Allergen;
use app::domain::role::Role;
use app::error::AppError;
use app::household::db::{find_elders, link_own_login, ownership, update_elder, ElderFilter};
use app::household::policy::{authorize, authorize_view};

use crate::fixtures::{account, elder_form, family_elder, household_today, role, staff_elder};

fn family_of(user: i64) -> ElderFilter {
    ElderFilter {
        family_of: Some(user),
        ..Default::default()
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_family_sees_the_elder_it_registered_with_age_and_relation(pool: Pool) {
    let family = account(&pool, "13800000001", &[]).await;
    family_elder(&pool, "王秀英", 7, family).await;

    let list = find_elders(&pool, family_of(family), family, household_today())
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "王秀英");
    assert_eq!(list[0].age, 82);
    assert_eq!(list[0].relation, "女儿");
    assert_eq!(list[0].community_name, "十九街社区");
    assert_eq!(list[0].allergies, vec![Allergen::Peanut]);
    // Registering an elder makes the account a family member.
    let account = load_user(&pool, family).await.unwrap().unwrap();
    assert!(account.has_role(Role::Family));
    // The policy's one-lookup view shows the elder as the list does.
    let view = authorize_view(&pool, &account, list[0].id).await.unwrap();
    assert_eq!(
        (
            view.name,
            view.relation,
            view.community_name,
            view.allergies
        ),
        (
            "王秀英".into(),
            "女儿".into(),
            "十九街社区".into(),
            vec![Allergen::Peanut]
        )
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn another_family_neither_lists_nor_reaches_the_elder(pool: Pool) {
    let family_a = account(&pool, "13800000001", &[]).await;
    let family_b = account(&pool, "13800000002", &[]).await;
    let id = family_elder(&pool, "王秀英", 7, family_a).await;

    assert!(
        find_elders(&pool, family_of(family_b), family_b, household_today())
            .await
            .unwrap()
            .is_empty()
    );
    let b = load_user(&pool, family_b).await.unwrap().unwrap();
    assert_eq!(
        authorize(&pool, &b, id).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        authorize_view(&pool, &b, id).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        authorize_view(&pool, &b, id + 100).await.unwrap_err(),
        AppError::NotFound,
        "no such elder"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_reach_elders_of_their_own_community_only(pool: Pool) {
    let family = account(&pool, "13800000001", &[]).await;
    let worker = role(Role::Worker, Some(7));
    let staff = account(&pool, "13800000009", &[worker]).await;
    let here = family_elder(&pool, "王秀英", 7, family).await;
    let elsewhere = family_elder(&pool, "周桂兰", 1, family).await;

    let staff = load_user(&pool, staff).await.unwrap().unwrap();
    let owned = authorize(&pool, &staff, here).await.unwrap();
    assert!(!owned.is_family);
    assert_eq!(
        authorize(&pool, &staff, elsewhere).await.unwrap_err(),
        AppError::NotFound
    );
    let seen = authorize_view(&pool, &staff, here).await.unwrap();
    assert_eq!((seen.name.as_str(), seen.relation.as_str()), ("王秀英", ""));
    assert_eq!(
        authorize_view(&pool, &staff, elsewhere).await.unwrap_err(),
        AppError::NotFound
    );
    let filter = ElderFilter {
        community: Some(7),
        ..Default::default()
    };
    let listed = find_elders(&pool, filter, staff.id, household_today())
        .await
        .unwrap();
    assert_eq!(listed.iter().map(|e| e.id).collect::<Vec<_>>(), vec![here]);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_registering_an_elder_creates_no_family_link(pool: Pool) {
    let staff = account(&pool, "13800000009", &[role(Role::Worker, Some(7))]).await;
    let id = staff_elder(&pool, "孙大海", 7, staff).await;
    let owned = ownership(&pool, id, staff).await.unwrap().unwrap();
    assert!(!owned.is_family);
    assert!(
        find_elders(&pool, family_of(staff), staff, household_today())
            .await
            .unwrap()
            .is_empty()
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn updating_changes_the_profile_and_the_family_relation(pool: Pool) {
    let family = account(&pool, "13800000001", &[]).await;
    let id = family_elder(&pool, "王秀英", 7, family).await;
    let mut changed = elder_form("王秀英", 8);
    changed.room = "402".into();
    changed.allergies = vec![];
    changed.relation = "儿媳".into();
    update_elder(
        &pool,
        id,
        &changed.parse(household_today()).unwrap(),
        Some(family),
    )
    .await
    .unwrap();

    let elder = &find_elders(&pool, family_of(family), family, household_today())
        .await
        .unwrap()[0];
    assert_eq!(
        (
            elder.community_id,
            elder.room.as_str(),
            elder.relation.as_str()
        ),
        (8, "402", "儿媳")
    );
    assert!(elder.allergies.is_empty());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn updating_a_missing_elder_reports_not_found(pool: Pool) {
    let elder = elder_form("王秀英", 7).parse(household_today()).unwrap();
    assert_eq!(
        update_elder(&pool, 999, &elder, None).await.unwrap_err(),
        AppError::NotFound
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn linking_the_elders_own_login_gives_them_the_elder_role_and_access(pool: Pool) {
    let family = account(&pool, "13800000001", &[]).await;
    let elder_login = account(&pool, "13800000006", &[]).await;
    let id = family_elder(&pool, "王秀英", 7, family).await;

    link_own_login(&pool, id, "13800000006").await.unwrap();
    let me = load_user(&pool, elder_login).await.unwrap().unwrap();
    assert!(me.has_role(Role::Elder));
    assert!(authorize(&pool, &me, id).await.unwrap().is_self);
    assert_eq!(authorize_view(&pool, &me, id).await.unwrap().id, id);
    let mine = find_elders(
        &pool,
        family_of(elder_login),
        elder_login,
        household_today(),
    )
    .await
    .unwrap();
    assert_eq!(mine[0].own_login.as_deref(), Some("138****0006"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn linking_an_unregistered_number_or_one_already_linked_is_refused(pool: Pool) {
    let family = account(&pool, "13800000001", &[]).await;
    account(&pool, "13800000006", &[]).await;
    let first = family_elder(&pool, "王秀英", 7, family).await;
    let second = family_elder(&pool, "李建国", 7, family).await;

    let unknown = link_own_login(&pool, first, "13800000099")
        .await
        .unwrap_err();
    assert!(unknown.to_string().contains("还没有注册"));
    link_own_login(&pool, first, "13800000006").await.unwrap();
    let taken = link_own_login(&pool, second, "13800000006")
        .await
        .unwrap_err();
    assert!(taken.to_string().contains("已经关联"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn role_changes_are_written_to_the_audit_log_with_the_actor(pool: Pool) {
    let admin = account(&pool, "13800000001", &[role(Role::Admin, None)]).await;
    let target = account(&pool, "13800000002", &[]).await;
    let worker = role(Role::Worker, Some(7));

    let granted = app::tr_each!(
        "用户 社区工作者：十九街社区",
        "User Community worker: 十九街社区"
    );
    app::admin::db::grant(&pool, admin, target, &worker, &granted)
        .await
        .unwrap();
    assert!(load_user(&pool, target)
        .await
        .unwrap()
        .unwrap()
        .is_staff_of(7));
    assert!(app::admin::db::revoke(
        &pool,
        admin,
        target,
        &worker,
        &app::tr_each!("撤销", "Revoked")
    )
    .await
    .unwrap());
    assert!(!app::admin::db::revoke(
        &pool,
        admin,
        target,
        &worker,
        &app::tr_each!("再次撤销", "Revoked again")
    )
    .await
    .unwrap());

    let log = app::admin::db::recent_audit(&pool, 10).await.unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, "revoke_role");
    assert_eq!(log[1].detail, "用户 社区工作者：十九街社区");
    assert_eq!(
        log[1].detail_in(app::ui::prefs::Locale::En),
        "User Community worker: 十九街社区",
        "an admin reading in English"
    );
    assert_eq!(log[0].detail_in(app::ui::prefs::Locale::En), "Revoked");
}
