//! Pure domain rules shared by the server and the browser: parsing and checking what people
//! type, ages and roles. No HTTP, no SQL, no UI here.

pub mod age;
pub mod client_address;
pub mod code;
pub mod elder;
pub mod number;
pub mod password;
pub mod phone;
pub mod rating;
pub mod role;
