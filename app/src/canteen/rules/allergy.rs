//! Refusing a dish that contains one of the elder's allergens.

use crate::domain::elder::Allergen;
use crate::error::AppError;
use crate::ui::prefs::Locale;

/// The elder's allergens that the dish contains, in the elder's order.
pub fn conflicts(elder_allergies: &[Allergen], dish_allergens: &[Allergen]) -> Vec<Allergen> {
    elder_allergies
        .iter()
        .copied()
        .filter(|a| dish_allergens.contains(a))
        .collect()
}

/// Refuses the dish, naming the allergens, when it contains any of the elder's.
pub fn check_dish(
    elder_name: &str,
    elder_allergies: &[Allergen],
    dish_name: &str,
    dish_allergens: &[Allergen],
) -> Result<(), AppError> {
    let found = conflicts(elder_allergies, dish_allergens);
    if found.is_empty() {
        return Ok(());
    }
    let names = match crate::i18n::message_locale() {
        Locale::Zh => found
            .iter()
            .map(|a| a.label_in(Locale::Zh))
            .collect::<Vec<_>>()
            .join("、"),
        Locale::En => found
            .iter()
            .map(|a| a.label_in(Locale::En).to_lowercase())
            .collect::<Vec<_>>()
            .join(", "),
    };
    Err(AppError::invalid(crate::tr!(
        "{elder_name}对{names}过敏，“{dish_name}”含有{names}，请换一道菜。",
        "{elder_name} is allergic to {names}, and “{dish_name}” contains {names}. Please choose another dish."
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dish_without_the_elders_allergens_is_fine() {
        assert!(check_dish("王秀英", &[Allergen::Peanut], "番茄炒蛋", &[Allergen::Egg]).is_ok());
        assert!(check_dish("李建国", &[], "宫保鸡丁", &[Allergen::Peanut]).is_ok());
    }

    #[test]
    fn a_dish_with_an_allergen_is_refused_naming_it() {
        let err = check_dish(
            "王秀英",
            &[Allergen::Peanut, Allergen::Seafood],
            "宫保鸡丁",
            &[Allergen::Peanut, Allergen::Soy],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "王秀英对花生过敏，“宫保鸡丁”含有花生，请换一道菜。"
        );
    }

    #[test]
    fn every_shared_allergen_is_named() {
        let found = conflicts(
            &[Allergen::Milk, Allergen::Egg, Allergen::Seafood],
            &[Allergen::Seafood, Allergen::Egg],
        );
        assert_eq!(found, vec![Allergen::Egg, Allergen::Seafood]);
    }
}
