//! 实时更新: the kitchen's prep sheet, the route sheet, the community's "today" numbers and a
//! family's orders change on screen while they are open. The server announces each change of a
//! meal order — placed, changed, cancelled, moved on by the kitchen, marked at the door — to
//! the open boards allowed to see it (server-sent events under `/events/`); a board then loads
//! its whole current state again, so a board that was disconnected for a while is right again
//! as soon as it reconnects. With JavaScript off a board has a 刷新 / Refresh link instead.

pub mod model;

#[cfg(feature = "ssr")]
pub mod bus;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod policy;
