//! How card fields the card type only serializes are written in the index and read back.

/// Levels as their position in [`Level::ALL`] (the card type serializes, but does not read).
pub(super) mod level_code {
    use crate::card::Level;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(level: &Option<Level>, s: S) -> Result<S::Ok, S::Error> {
        let code = level.and_then(|level| Level::ALL.iter().position(|l| *l == level));
        code.and_then(|c| u8::try_from(c).ok()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Level>, D::Error> {
        let code: Option<u8> = Option::deserialize(d)?;
        Ok(code.and_then(|code| Level::ALL.get(usize::from(code)).copied()))
    }
}

/// Durations as plain minutes.
pub(super) mod minutes_code {
    use crate::duration::Minutes;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(minutes: &Option<Minutes>, s: S) -> Result<S::Ok, S::Error> {
        minutes.map(Minutes::get).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Minutes>, D::Error> {
        let minutes: Option<u32> = Option::deserialize(d)?;
        Ok(minutes.map(Minutes))
    }
}
