//! The bundled packs: the files under `modules/`, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Every bundled file as (path below `modules/`, text), sorted by path.
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    BUNDLED_FILES
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_are_relative_and_sorted() {
        let files = super::bundled_files();
        assert!(files.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(files.iter().all(|(path, _)| !path.starts_with('/')));
    }
}
