//! Demo volunteer shifts in 十九街社区: a health-check event and a class-assistant shift in
//! the coming days (delivery shifts come from the canteen's routes once they are planned).

use app::db::Transaction;

pub async fn load(tx: &mut Transaction<'_>, today: chrono::NaiveDate) -> anyhow::Result<()> {
    let day = |offset: u64| today + chrono::Days::new(offset);
    let (event_day, class_day) = (day(2), day(3));
    sqlx::query!(
        "INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, created_by)
         SELECT 7, 'event', '重阳敬老健康义诊', '十九街社区服务中心广场', $1, '09:00', '11:30', 4, id FROM users WHERE phone = '13900000002'",
        event_day
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, created_by)
         SELECT 7, 'class_assistant', '书法班课堂助教', '十九街社区老年学校二楼', $1, '14:30', '16:00', 2, id FROM users WHERE phone = '13900000002'",
        class_day
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "INSERT INTO volunteer_profiles (user_id, community_id, skills, is_party_member, availability)
         SELECT id, 7, '送餐,陪诊', TRUE, '周二、周四上午' FROM users WHERE phone = '13900000004'"
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
