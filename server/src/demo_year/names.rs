//! Names, places and picks for the generated people: common surnames, given names of the
//! elders' and their children's generations, and community names of a steel-town 街道.

use rand::rngs::StdRng;
use rand::Rng;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
];

const ELDER_NAMES: &[&str] = &[
    "秀英", "桂兰", "建国", "淑珍", "玉兰", "凤英", "国强", "德明", "志刚", "秀兰", "桂英", "建华",
    "玉珍", "春梅", "文华", "爱华", "国华", "金凤", "振华", "淑英", "福生", "长海", "桂芳", "明德",
    "丽华", "学文", "兰英", "永贵", "翠花", "保国",
];

const YOUNGER_NAMES: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞",
    "平", "刚", "丹", "鹏", "晓燕", "海涛", "志强", "丽娟", "建军", "雪梅",
];

const COMMUNITY_FIRST: &[&str] = &[
    "和平", "建设", "工人", "友谊", "钢花", "青和", "新沟", "冶金", "红光", "北湖",
];
const COMMUNITY_SECOND: &[&str] = &["东", "西", "南", "北", "中"];

/// One of `items`, uniformly.
pub fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// An index into `weights`, each chosen in proportion to its weight.
pub fn weighted(rng: &mut StdRng, weights: &[u32]) -> usize {
    let mut roll = rng.gen_range(0..weights.iter().sum::<u32>());
    for (i, w) in weights.iter().enumerate() {
        if roll < *w {
            return i;
        }
        roll -= w;
    }
    weights.len() - 1
}

pub fn surname(rng: &mut StdRng) -> &'static str {
    pick::<&str>(rng, SURNAMES)
}

pub fn elder_name(rng: &mut StdRng) -> String {
    format!("{}{}", surname(rng), pick(rng, ELDER_NAMES))
}

/// A name of the children's generation, with the given surname or a random one.
pub fn younger_name(rng: &mut StdRng, surname: Option<&str>) -> String {
    let family = surname.map_or_else(|| self::surname(rng).to_string(), str::to_string);
    format!("{family}{}", pick(rng, YOUNGER_NAMES))
}

/// The `index`th generated community: 和平东社区, 和平西社区, … (numbered past the 50th).
pub fn community(index: usize) -> String {
    let second = COMMUNITY_SECOND[index % COMMUNITY_SECOND.len()];
    let first = COMMUNITY_FIRST[(index / COMMUNITY_SECOND.len()) % COMMUNITY_FIRST.len()];
    let round = index / (COMMUNITY_FIRST.len() * COMMUNITY_SECOND.len());
    if round == 0 {
        format!("{first}{second}社区")
    } else {
        format!("{first}{second}{}社区", round + 1)
    }
}

/// A mobile number no demo account uses: 137, the community, the person.
pub fn phone(community_index: usize, person: usize) -> String {
    format!("137{:04}{:04}", community_index + 1, person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_communities_have_fifty_names() {
        let names: std::collections::BTreeSet<String> = (0..60).map(community).collect();
        assert_eq!(names.len(), 60);
        assert_eq!(community(0), "和平东社区");
    }

    #[test]
    fn phones_are_eleven_digit_mobile_numbers() {
        let phone = phone(49, 5123);
        assert_eq!(phone, "13700505123");
        assert!(app::domain::phone::PhoneNumber::parse(&phone).is_ok());
    }
}
