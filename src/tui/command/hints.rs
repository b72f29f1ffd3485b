//! The bottom line's key hints: for each context, the few commands that matter there, most
//! important first. Only commands and labels are named here; the keys come from the live
//! keymap when the line is drawn, so rebinding a key changes the hint too.

use super::{Command, Context};
use Context::{
    Answer as AnswerWindow, Builder, BuilderLeave, BuilderPrompt, CardPicker, CardView, Cards,
    Checklist as ChecklistPane, Help as HelpWindow, Message, NewAgenda as NewAgendaWindow, Preview,
    Run as RunMode, Search as SearchBox, Sources,
};

/// One entry of the bottom line: the first key of each command, then what they do here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintGroup {
    pub commands: &'static [Command],
    pub label: &'static str,
}

const fn hint(commands: &'static [Command], label: &'static str) -> HintGroup {
    HintGroup { commands, label }
}

/// The few keys that matter in a context, most important first; the bottom line shows as many
/// as fit.
pub fn hint_groups(context: Context) -> &'static [HintGroup] {
    use Command as C;
    const MOVE: HintGroup = hint(&[C::Up, C::Down], "move");
    const SCROLL: HintGroup = hint(&[C::Up, C::Down], "scroll");
    const SEARCH: HintGroup = hint(&[C::Search], "search");
    const KEYS: HintGroup = hint(&[C::Help], "keys");
    const QUIT: HintGroup = hint(&[C::Quit], "quit");
    const BACK: HintGroup = hint(&[C::Back], "back");
    const PANE: HintGroup = hint(&[C::NextPane], "pane");
    const OPEN: HintGroup = hint(&[C::Open], "open");
    const LIST: &[HintGroup] = &[MOVE, OPEN, PANE, SEARCH, KEYS, QUIT];
    const PREVIEW: &[HintGroup] = &[
        SCROLL,
        hint(&[C::Open], "full screen"),
        PANE,
        SEARCH,
        KEYS,
        QUIT,
    ];
    const CARD: &[HintGroup] = &[
        SCROLL,
        hint(&[C::PageDown], "page"),
        BACK,
        SEARCH,
        KEYS,
        QUIT,
    ];
    const SEARCHING: &[HintGroup] = &[MOVE, OPEN, BACK, KEYS];
    const HELP: &[HintGroup] = &[SCROLL, hint(&[C::Back], "close")];
    const MESSAGE: &[HintGroup] = &[hint(&[C::Open, C::Back], "close")];
    // The checklist pane and its windows (#6).
    const CHECKLIST: &[HintGroup] = &[
        MOVE,
        hint(&[C::Tick], "tick"),
        hint(&[C::MakeConcrete], "concrete"),
        hint(&[C::AddItem], "add"),
        BACK,
        KEYS,
    ];
    const ANSWER: &[HintGroup] = &[
        hint(&[C::SaveAnswer], "save"),
        hint(&[C::NewLine], "new line"),
        hint(&[C::Back], "cancel"),
    ];
    // The prep list and the offer window (#6).
    const PREP: &[HintGroup] = &[MOVE, hint(&[C::Open], "checklist"), BACK, KEYS];
    const OFFER: &[HintGroup] = &[
        MOVE,
        hint(&[C::OfferToggleCard], "in/out"),
        hint(&[C::OfferVariant], "invitation/LinkedIn"),
        hint(&[C::OfferSave], "save"),
        hint(&[C::Back], "close"),
        KEYS,
    ];
    // Agenda builder and run mode.
    const BUILDER: &[HintGroup] = &[
        MOVE,
        hint(&[C::AgendaAddCard], "card"),
        hint(&[C::AgendaAddBreak], "break"),
        hint(&[C::AgendaLonger, C::AgendaShorter], "±5 min"),
        hint(&[C::AgendaMoveDown, C::AgendaMoveUp], "reorder"),
        hint(&[C::AgendaSave], "save"),
        hint(&[C::AgendaRun], "run"),
        hint(&[C::AgendaExport], "export"),
        // The prep list (#6).
        hint(&[C::PrepList], "prep"),
        KEYS,
        BACK,
    ];
    const BUILDER_PROMPT: &[HintGroup] = &[hint(&[C::Open], "ok"), hint(&[C::Back], "cancel")];
    const PICKER: &[HintGroup] = &[MOVE, hint(&[C::Open], "add"), hint(&[C::Back], "cancel")];
    const LEAVING: &[HintGroup] = &[
        hint(&[C::AgendaSave], "save"),
        hint(&[C::AgendaRemove], "discard"),
        hint(&[C::Back], "cancel"),
    ];
    const RUNNING: &[HintGroup] = &[
        hint(&[C::AgendaLonger], "+5 min"),
        hint(&[C::RunSkip], "next"),
        hint(&[C::RunPause], "pause"),
        hint(&[C::Back], "leave"),
        KEYS,
    ];
    const NEW_AGENDA: &[HintGroup] = &[
        hint(&[C::Up, C::Down], "start"),
        hint(&[C::Open], "create"),
        hint(&[C::Back], "cancel"),
    ];
    // Pack browser.
    const PACK_LIST: &[HintGroup] = &[
        MOVE,
        hint(&[C::Open], "cards"),
        hint(&[C::InstallPack], "install"),
        hint(&[C::RemovePack], "remove"),
        BACK,
        KEYS,
    ];
    const PACK_CARDS: &[HintGroup] = &[
        MOVE,
        hint(&[C::ForkCard], "fork"),
        hint(&[C::Open], "full screen"),
        BACK,
        SEARCH,
        KEYS,
    ];
    const PACK_PATH: &[HintGroup] = &[hint(&[C::Open], "install"), hint(&[C::Back], "cancel")];
    const PACK_CONFIRM: &[HintGroup] = &[hint(&[C::Back], "no")];
    // Editing cards (#5).
    const EDITOR: &[HintGroup] = &[hint(&[C::SaveCard], "save"), BACK, KEYS, QUIT];
    // Merge conflicts and forking under a new id (#8).
    const CONFLICT: &[HintGroup] = &[
        hint(&[C::KeepMine], "keep mine"),
        hint(&[C::TakeUpstream], "take upstream"),
        hint(&[C::ToggleOrigin], "origin"),
        SCROLL,
        BACK,
        KEYS,
    ];
    const FORK_ID: &[HintGroup] = &[hint(&[C::Open], "fork"), hint(&[C::Back], "cancel")];
    // Course planner (#7).
    const COURSE: &[HintGroup] = &[
        MOVE,
        hint(&[C::Open], "agenda"),
        hint(&[C::CourseBump], "bump"),
        hint(&[C::CourseWhen], "date"),
        hint(&[C::CourseAddSession], "add"),
        hint(&[C::CourseCopySession], "copy"),
        hint(&[C::CourseDeleteSession], "delete"),
        hint(&[C::CourseRhythm], "rhythm"),
        hint(&[C::CourseSave], "save"),
        KEYS,
        BACK,
    ];
    // The session log (#7).
    const LOG: &[HintGroup] = &[
        hint(&[C::LogSave], "save"),
        hint(&[C::Up, C::Down], "field"),
        hint(&[C::Back], "cancel"),
    ];
    // The export window (#7).
    const EXPORT: &[HintGroup] = &[
        hint(&[C::Up, C::Down], "what"),
        hint(&[C::PaneLeft, C::PaneRight], "format"),
        hint(&[C::ExportWrite], "export"),
        hint(&[C::Back], "cancel"),
    ];
    const COURSE_PROMPT: &[HintGroup] = &[hint(&[C::Open], "ok"), hint(&[C::Back], "cancel")];
    const COURSE_LEAVE: &[HintGroup] = &[
        hint(&[C::CourseSave], "save"),
        hint(&[C::CourseDiscard], "discard"),
        hint(&[C::Back], "cancel"),
    ];
    match context {
        Sources | Cards => LIST,
        Preview => PREVIEW,
        CardView => CARD,
        SearchBox => SEARCHING,
        HelpWindow => HELP,
        Message => MESSAGE,
        // Agenda builder and run mode.
        Builder => BUILDER,
        BuilderPrompt => BUILDER_PROMPT,
        CardPicker => PICKER,
        BuilderLeave => LEAVING,
        RunMode => RUNNING,
        NewAgendaWindow => NEW_AGENDA,
        // Pack browser.
        Context::PackList => PACK_LIST,
        Context::PackCards => PACK_CARDS,
        Context::PackPath => PACK_PATH,
        Context::PackConfirm => PACK_CONFIRM,
        // The checklist pane and its windows (#6).
        ChecklistPane => CHECKLIST,
        // Merge conflicts and forking under a new id (#8).
        Context::Conflict => CONFLICT,
        Context::PackForkId => FORK_ID,
        AnswerWindow => ANSWER,
        // Editing cards (#5).
        Context::Editor => EDITOR,
        // The prep list and the offer window (#6).
        Context::Prep => PREP,
        Context::Offer => OFFER,
        // Course planner (#7).
        Context::CoursePlanner => COURSE,
        Context::CoursePrompt => COURSE_PROMPT,
        Context::CourseLeave => COURSE_LEAVE,
        // The session log (#7).
        Context::LogWindow => LOG,
        // The export window (#7).
        Context::ExportWindow => EXPORT,
    }
}
