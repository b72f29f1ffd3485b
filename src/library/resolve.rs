//! Finding cards by id. Own cards are named by `id`, pack cards by `pack/id` or, when nothing
//! closer has that id, by their plain `id`. The user's own card wins over a pack's plain id.

use std::path::PathBuf;

use super::{CardSource, Library, LibraryCard};

/// How a reference resolved.
#[derive(Debug, Clone, Copy)]
pub enum CardRef<'a> {
    Found(&'a LibraryCard),
    Missing,
}

/// Two or more cards answering to one plain id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateId {
    pub id: String,
    /// The paths of the cards, own cards first; the first is the one a plain id resolves to.
    pub paths: Vec<PathBuf>,
}

impl Library {
    /// Rebuilds the id and source indexes after `cards` changed.
    pub fn reindex(&mut self) {
        self.by_id.clear();
        self.by_source.clear();
        for (index, card) in self.cards.iter().enumerate() {
            self.by_id
                .entry(card.card.id.clone())
                .or_default()
                .push(index);
            // Looked up before inserting: a clone per source, not per card.
            match self.by_source.get_mut(&card.source) {
                Some(runs) => match runs.last_mut() {
                    Some(run) if run.end == index => run.end += 1,
                    _ => runs.push(index..index + 1),
                },
                None => {
                    self.by_source.insert(
                        card.source.clone(),
                        std::iter::once(index..index + 1).collect(),
                    );
                }
            }
        }
    }

    /// The position in `cards` of the card a reference names, seen from `context_pack` (a card
    /// or template inside a pack looks in its own pack before other packs).
    pub fn find_index(&self, reference: &str, context_pack: Option<&str>) -> Option<usize> {
        let reference = reference.trim();
        if let Some((pack, id)) = reference.split_once('/') {
            return self
                .by_id
                .get(id)?
                .iter()
                .copied()
                .find(|&index| self.cards[index].source.pack() == Some(pack));
        }
        let candidates = self.by_id.get(reference)?;
        let own = candidates
            .iter()
            .copied()
            .find(|&index| self.cards[index].source == CardSource::Own);
        let same_pack = || {
            context_pack.and_then(|pack| {
                candidates
                    .iter()
                    .copied()
                    .find(|&index| self.cards[index].source.pack() == Some(pack))
            })
        };
        own.or_else(same_pack)
            .or_else(|| candidates.first().copied())
    }

    /// The card a reference names (see [`Library::find_index`]).
    pub fn find(&self, reference: &str, context_pack: Option<&str>) -> CardRef<'_> {
        match self.find_index(reference, context_pack) {
            Some(index) => CardRef::Found(&self.cards[index]),
            None => CardRef::Missing,
        }
    }

    /// Plain ids that more than one card answers to: within own cards, within a pack, across
    /// packs, or an own card beside a pack card. An own card forked from the pack card it shadows
    /// is the normal way to adapt a card and is not reported.
    pub fn duplicate_ids(&self) -> Vec<DuplicateId> {
        let mut duplicates: Vec<DuplicateId> = self
            .by_id
            .iter()
            .filter(|(_, indices)| indices.len() > 1)
            .filter(|(_, indices)| !is_fork_of_the_rest(self, indices))
            .map(|(id, indices)| DuplicateId {
                id: id.clone(),
                paths: indices
                    .iter()
                    .map(|&i| self.cards[i].path.clone())
                    .collect(),
            })
            .collect();
        duplicates.sort_by(|a, b| a.paths.cmp(&b.paths));
        duplicates
    }
}

/// One own card and one pack card, where the own card was forked from that pack card.
fn is_fork_of_the_rest(library: &Library, indices: &[usize]) -> bool {
    let [first, second] = indices else {
        return false;
    };
    let (own, pack) = (&library.cards[*first], &library.cards[*second]);
    match (&own.source, &pack.source, &own.card.origin) {
        (CardSource::Own, CardSource::Pack { pack: name }, Some(origin)) => {
            &origin.pack == name && origin.card == pack.card.id
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::card::parse_card;
    use crate::store::Fingerprint;

    fn card(id: &str, source: &CardSource) -> LibraryCard {
        let path = PathBuf::from(format!("{id}.md"));
        let text = format!("+++\ntitle = \"{id}\"\n+++\nBody.\n");
        let (card, file) = parse_card(&path, text.as_bytes()).expect("a valid card");
        LibraryCard {
            card,
            source: source.clone(),
            path,
            file,
            fingerprint: Fingerprint::of(text.as_bytes()),
            lean: false,
        }
    }

    #[test]
    fn a_source_is_listed_by_position_even_when_its_cards_are_not_together() {
        let own = CardSource::Own;
        let pack = CardSource::Pack {
            pack: "excel".into(),
        };
        let missing = CardSource::Pack {
            pack: "slack".into(),
        };
        let mut library = Library {
            cards: vec![
                card("a", &own),
                card("b", &own),
                card("c", &pack),
                card("d", &own),
            ],
            ..Library::default()
        };
        library.reindex();
        assert_eq!(library.count_of(&own), 3);
        assert_eq!(library.positions_of(&own).collect::<Vec<_>>(), [0, 1, 3]);
        assert_eq!(library.nth_of(&own, 2), Some(3));
        assert_eq!(library.nth_of(&own, 3), None);
        assert_eq!(library.nth_of(&pack, 0), Some(2));
        let ids: Vec<&str> = library.cards_of(&own).map(|c| c.card.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d"]);
        assert_eq!(library.count_of(&missing), 0);
        assert_eq!(library.nth_of(&missing, 0), None);
    }
}
