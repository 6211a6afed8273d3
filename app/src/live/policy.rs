//! Who may open which live board, decided when it connects, and which events each board gets.
//! The kitchen and route boards of a canteen: those who run it (`domain::role::runs_canteen_of`).
//! The dashboard's "today" numbers: the communities the dashboard shows its viewer
//! (`dashboard::policy`).
//! A family's or an elder's orders: the elders they look after or are, and — for staff — the
//! elders of the communities they serve (`household::policy::elder_scope`).

use crate::db::Pool;

use crate::auth::model::CurrentUser;
use crate::error::AppResult;
use crate::household::db::{find_elders, ElderFilter};
use crate::live::model::LiveEvent;

/// The events an open board is told of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// The orders of one canteen.
    Canteen(i64),
    /// The orders of these communities' canteens.
    Communities(Vec<i64>),
    /// The orders of the elders one looks after or is, and of every elder of `communities`
    /// (`None`: of every community).
    Elders {
        own: Vec<i64>,
        communities: Option<Vec<i64>>,
    },
}

impl Audience {
    pub fn receives(&self, event: &LiveEvent) -> bool {
        match self {
            Audience::Canteen(id) => event.canteen_id == *id,
            Audience::Communities(ids) => ids.contains(&event.community_id),
            Audience::Elders { own, communities } => {
                own.contains(&event.elder_id)
                    || communities
                        .as_ref()
                        .is_none_or(|ids| ids.contains(&event.community_id))
            }
        }
    }
}

/// The kitchen and route boards of `canteen_id`, for those who run that canteen.
pub async fn canteen_board(
    pool: &Pool,
    user: &CurrentUser,
    canteen_id: i64,
) -> AppResult<Audience> {
    let canteen = crate::canteen::policy::managed_canteen(pool, user, Some(canteen_id)).await?;
    Ok(Audience::Canteen(canteen.id))
}

/// The dashboard's "today" numbers of `community` (`None`: every one the caller works for),
/// for the workers and admins who may see them there.
pub async fn dashboard_board(
    pool: &Pool,
    user: &CurrentUser,
    community: Option<i64>,
) -> AppResult<Audience> {
    crate::dashboard::policy::require_viewer(user)?;
    let scope = crate::dashboard::policy::scope(pool, user, community).await?;
    Ok(Audience::Communities(scope.communities().to_vec()))
}

/// The orders page of a family or an elder (staff also see the elders of their communities).
pub async fn family_orders(pool: &Pool, user: &CurrentUser) -> AppResult<Audience> {
    let mine = ElderFilter {
        family_of: Some(user.id),
        ..Default::default()
    };
    let today = crate::clock::today_in_shanghai();
    let own = find_elders(pool, mine, user.id, today)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let scope = crate::household::policy::elder_scope(user);
    Ok(Audience::Elders {
        own,
        communities: scope.communities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canteen::model::order::OrderStatus;
    use crate::live::model::LiveKind;

    fn event(elder_id: i64, canteen_id: i64, community_id: i64) -> LiveEvent {
        LiveEvent {
            kind: LiveKind::OrderPlaced,
            order_id: 1,
            elder_id,
            service_id: 1,
            canteen_id,
            community_id,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            status: OrderStatus::Placed,
        }
    }

    #[test]
    fn a_canteen_board_gets_only_its_own_canteens_orders() {
        let board = Audience::Canteen(1);
        assert!(board.receives(&event(5, 1, 7)));
        assert!(!board.receives(&event(5, 2, 7)));
    }

    #[test]
    fn a_dashboard_board_gets_only_its_own_communities_orders() {
        let board = Audience::Communities(vec![7]);
        assert!(board.receives(&event(5, 1, 7)));
        assert!(!board.receives(&event(5, 3, 1)));
        let both = Audience::Communities(vec![1, 7]);
        assert!(both.receives(&event(5, 3, 1)));
        assert!(!both.receives(&event(5, 4, 2)));
    }

    #[test]
    fn a_family_gets_only_their_own_elders_and_staff_their_communities() {
        let family = Audience::Elders {
            own: vec![5],
            communities: Some(vec![]),
        };
        assert!(family.receives(&event(5, 1, 7)));
        assert!(!family.receives(&event(6, 1, 7)));
        let worker = Audience::Elders {
            own: vec![],
            communities: Some(vec![7]),
        };
        assert!(worker.receives(&event(6, 1, 7)));
        assert!(!worker.receives(&event(6, 3, 1)));
        let everywhere = Audience::Elders {
            own: vec![],
            communities: None,
        };
        assert!(everywhere.receives(&event(6, 3, 1)));
    }
}
