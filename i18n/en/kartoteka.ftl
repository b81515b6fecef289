# Kartoteka's window in English.
#
# Every text the desktop app shows is a message here, with the same ids in
# cs/kartoteka.ftl and sk/kartoteka.ftl (the tests check both ways). Counts
# use Fluent's plural selectors: English has one and other.

## The archive's vocabulary

field-title = Title
field-headline = Headline
field-caption = Caption
field-creators = Creators
field-credit = Credit
field-copyright = Copyright
field-source = Source
field-instructions = Instructions
field-job-id = Job id
field-sublocation = Sublocation
field-city = City
field-state = State/province
field-country = Country
field-country-code = Country code
field-keywords = Keywords
field-hierarchical-keywords = Hierarchical keywords
field-people = People
field-event = Event
field-date-created = Date depicted
field-digital-source-type = Digital source type
attribute-note = Catalogue note
attribute-rating = Rating
attribute-flag = Flag
attribute-label = Colour label
label-red = Red
label-yellow = Yellow
label-green = Green
label-blue = Blue
label-purple = Purple
source-kind-article = Article
source-kind-book = Book
source-kind-archival = Archival document
source-kind-sleeve = Negative sleeve or photographer's notes
source-kind-oral = Oral testimony
source-kind-website = Website
source-kind-other = Other
certainty-certain = certain
certainty-probable = probable
certainty-possible = possible
sort-depicted = Date depicted
sort-taken = Date taken
sort-imported = Import order
sort-title = Title
sort-rating = Rating
sort-file-name = File name
sort-set-order = Set order
sort-keywords = Keywords
sort-camera = Camera
sort-note = Catalogue note

## Settings

backup-schedule-never = Never
backup-schedule-daily = Once a day, when quitting
backup-schedule-weekly = Once a week, when quitting
column-file = File
column-title = Title
column-headline = Headline
column-caption = Caption
column-creators = Creators
column-credit = Credit
column-copyright = Copyright
column-source = Source
column-depicted = Depicted
column-taken = Taken
column-rating = Rating
column-event = Event
column-people = People
column-sublocation = Sublocation
column-city = City
column-state = State/province
column-country = Country
column-keywords = Keywords
column-camera = Camera
column-note = Note

## Menus and the bar at the top

menu-file = File
menu-edit = Edit
menu-photo = Photo
menu-view = View
menu-help = Help
menu-keyboard-reference = Keyboard reference
menu-about = About Kartoteka
menu-import-folder = Import a folder…
menu-export-csv = Export CSV…
menu-import-csv = Import CSV…
menu-write-sidecars = Write XMP sidecars for the selection
menu-copies-with-metadata = Copies of the selection with metadata…
menu-embed-metadata = Embed metadata in the selected originals…
menu-export-set = Export the set “{ $set }”…
menu-optimize = Optimize the catalogue
menu-quit = Quit
menu-undo = Undo
menu-undo-what = Undo: { $what }
menu-redo = Redo
menu-redo-what = Redo: { $what }
menu-select-all = Select all
menu-select-none = Select none
menu-find = Find
menu-open-full-size = Open full size
menu-write-caption = Write the caption
menu-add-keyword = Add a keyword
menu-add-to-set = Add to a set…
menu-no-stars = No stars
menu-stars = { $stars } { $count ->
    [one] { $count } star
   *[other] { $count } stars
}
menu-pick = Pick
menu-reject = Reject
menu-unflag = Unflag
menu-no-label = No colour label
menu-remove-from-set = Remove from “{ $set }”
menu-inspector = Inspector
menu-keyword-counts-follow = Keyword counts follow the result
menu-keyword-counts-follow-hint = The keyword tree counts the photos of the search, not of the whole catalogue
menu-language = Language
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Actual size (now { $percent } %)
menu-theme-dark = Dark theme
menu-theme-light = Light theme
key-zoom-keys = Ctrl+Plus, Ctrl+Minus, Ctrl+0
key-zoom-what = Zoom the whole window in, out, and back to 100 % (kept for the next run)
language-system = System ({ $language })
language-english = English
language-czech = Čeština
language-slovak = Slovenčina
view-grid = Grid
view-grid-hint = Thumbnails ({ $shortcut })
view-table = Table
view-table-hint = Rows and columns ({ $shortcut })
thumbnail-size = Thumbnail size
search-error = ⚠ { $error }
search-hint = Search: kyndrova date:1991 keyword:military …
search-name = Search
sort-by = Sort by
sort-descending-hint = Descending; click for ascending
sort-ascending-hint = Ascending; click for descending
sort-reverse = Reverse the order

## What the catalogue worker reports

photo-count = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
worker-not-started = could not start the catalogue thread: { $error }
worker-no-folder = { $path }: could not create its folder: { $error }
worker-no-catalogue = There is no catalogue at { $path } (was it moved, or is its disk not connected?)
worker-exists = { $path } already exists; a new catalogue never replaces a file (File > Open catalogue… opens it)
worker-not-restored = Nothing was restored: { $error }
worker-open-failed = { $path }: { $error }
read-history = the edit history: { $error }
read-details = the photos' details: { $error }
read-rows = the table's rows: { $error }
read-sidebar = the sidebar: { $error }
edit-nothing = { $what }: nothing to change
edit-done = { $what } on { $whom }
undid = Undid: { $what }
redid = Redid: { $what }
nothing-to-undo = Nothing to undo
nothing-to-redo = Nothing to redo
undo-failed = undo failed: { $error }
redo-failed = redo failed: { $error }
set-created = Created set “{ $set }”
set-created-with = Created set “{ $set }” with { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
set-renamed = Renamed “{ $old }” to “{ $new }”
set-added = Added { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} to “{ $set }”
set-removed = { $count ->
    [one] Removed { $count } photo from “{ $set }” (Ctrl+Z puts it back)
   *[other] Removed { $count } photos from “{ $set }” (Ctrl+Z puts them back)
}
set-moved = Moved { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} to position { $position } in “{ $set }”
wall-label-saved = Wall label saved in “{ $set }”
set-deleted = Deleted “{ $set }” (Ctrl+Z brings it back)
search-saved = Saved the search as “{ $name }”
keyword-renamed = Renamed { $old } to { $new }: { $count ->
    [one] { $count } photo follows
   *[other] { $count } photos follow
}
keyword-merged = Merged { $from } into { $into }: { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} changed
keyword-deleted = Deleted keyword { $keyword } from { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} (Ctrl+Z brings it back)
template-applied = Template “{ $name }” on { $whom }
job-sidecars = Writing XMP sidecars
job-copies = Writing copies with metadata
job-embed = Embedding metadata in the originals
job-export-set = Exporting “{ $set }”
job-optimize = Optimizing the catalogue
job-backup = Backing up the catalogue
job-failed = { $what }: { $error }
job-not-started = { $what } could not start: { $error }
job-error = Error: { $error }
job-some-failed = { $message }; { $count } failed
job-cancelled-left = { $message }; cancelled with { $count } left
optimize-cancelled = Optimizing was cancelled; the catalogue is as it was
optimize-done = Optimized the catalogue in { $seconds } s
backup-recent-enough = The latest backup, of { $when }, is recent enough
backed-up = Backed up { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} to { $path } (integrity checked)
backed-up-pruned = { $message }; deleted { $count ->
    [one] { $count } older backup
   *[other] { $count } older backups
}
backup-cancelled = The backup was cancelled; nothing was written
backup-failed = no backup was made: { $error }
claim-preferred = Preferred the claim
claim-removed = Removed the claim (Ctrl+Z brings it back)
claim-changed = Changed the claim
claim-there-already = The claim was there already: nothing to add
claim-added = Added a claim to { $whom }
source-changed = Changed the source
source-merged = Merged the source; { $count ->
    [one] { $count } claim
   *[other] { $count } claims
} moved
sources-read = Read { $count ->
    [one] { $count } source
   *[other] { $count } sources
} from { $path }: { $added } new, { $known } already in the catalogue
csv-not-written = { $path } could not be written: { $error }
csv-exported = Exported { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} to { $path }
csv-problem = { $file }: { $problem }
csv-row-problem = { $file }: row { $row }: { $problem }
csv-changed-since-preview = { $path } changed after it was previewed; nothing was applied (preview it again)
csv-imported = CSV import: { $photos ->
    [one] { $photos } photo
   *[other] { $photos } photos
} changed ({ $values ->
    [one] { $values } value
   *[other] { $values } values
}, { $labels ->
    [one] { $labels } wall label
   *[other] { $labels } wall labels
})
csv-imported-claims = CSV import: { $count ->
    [one] { $count } claim
   *[other] { $count } claims
} changed
import-not-started = could not start the import: { $error }
import-not-opened = import could not open the catalogue: { $error }
import-template-failed = template "{ $name }": { $error }
import-stopped = import stopped: { $error }
wrote-sidecars = Wrote { $count ->
    [one] { $count } XMP sidecar
   *[other] { $count } XMP sidecars
}
wrote-copies = Wrote { $count ->
    [one] { $count } copy
   *[other] { $count } copies
} to { $folder }
embedded-with-backups = Embedded metadata in { $count ->
    [one] { $count } original
   *[other] { $count } originals
} (backups kept beside them)
embedded = Embedded metadata in { $count ->
    [one] { $count } original
   *[other] { $count } originals
}
set-exported = Exported { $count } of { $total } photos of "{ $set }" to { $folder }

## The status bar and the first screen

status-opening = Opening the catalogue…
status-no-catalogue = No catalogue open
status-loading = Loading…
status-found-of = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} of { $total }
status-selected = { $shown } · { $count } selected
status-importing = Importing { $done }/{ $total } { $file }
status-cancel-import = Cancel import
status-job-progress = { $what } { $done }/{ $total }
status-cancel-job = Cancel
status-unreadable-files = { $count ->
    [one] { $count } file
   *[other] { $count } files
} could not be read
status-error = ⚠ { $error }
status-dismiss-error = Dismiss this error
team-synced = Team: synced
team-waiting = Team: { $count ->
    [one] 1 change waiting to be sent
   *[other] { $count } changes waiting to be sent
}
team-offline = Team: offline{ $count ->
    [0] {""}
    [one] , 1 change waiting
   *[other] , { $count } changes waiting
}
team-offline-why = The team's server cannot be reached: { $why }. Work goes on here; changes are sent once it can be reached again.
team-conflicts = { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
}
team-conflicts-hint = Fields two team members changed while apart: each value is kept as a claim until you decide. Shows the disputed photos.
empty-heading = This catalogue is empty
empty-explanation = Import a folder of photographs (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, camera raw), or drop folders on this window.
empty-import = Import a folder
import-errors-title = Files that could not be imported

## The sidebar

sidebar-library = Library
sidebar-sets = Exhibition sets
sidebar-saved = Saved searches
sidebar-result = In this result
sidebar-keywords = Keyword list
sidebar-sources = Sources
sidebar-folders = Folders
sidebar-all-photos = All photographs
sidebar-missing = Missing files
sidebar-without-caption = Without caption
sidebar-import-template = Import template
sidebar-no-template = none
set-add-selected = Add the selected photos
set-rename = Rename…
set-export = Export the set…
set-delete = Delete this set
set-delete-hint = Its photos stay in the catalogue; Ctrl+Z brings the set back
set-new-hint = New set
set-new-name = New set name
set-create = Create
saved-delete = Delete this saved search
saved-name-hint = Name
saved-name = Saved search name
saved-save = Save search
saved-save-disabled = Type a search first
facet-disputed = Disputed fields
facet-years = Years
facet-places = Places
facet-creators = Creators
facet-keywords = Keywords
facet-cameras = Cameras
facet-name = { $facet } in this result
facet-value-name = { $value }, { $count } in this result
facet-undated = Undated
facet-undated-hint = No depicted date
facet-fewer = fewer
facet-more = { $count } more…
facet-nothing = Nothing to count
keywords-none = No keywords yet
keywords-counts = Counts:
keywords-counts-catalogue = catalogue
keywords-counts-result = this result
keyword-expand = Expand { $keyword }
keyword-collapse = Collapse { $keyword }
keyword-synonyms = { $path }
    Also: { $synonyms }
keyword-add-selected = Add to the selected photos
keyword-rename = Rename or move…
keyword-merge = Merge into…
keyword-delete = Delete
keyword-delete-with-children = Delete and the keywords below it
keyword-delete-hint = Removes it from { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}; Ctrl+Z brings it back
status-opened = Opened the catalogue { $catalogue }
status-not-opened = The catalogue could not be opened
status-damaged = The catalogue is damaged; nothing was written to it
status-is-backup = A backup is restored, not worked in
status-no-catalogue-yet = No catalogue yet
status-could-not-read = Could not read { $what }
status-csv-read = Read { $path }: nothing changes until the changes are applied
status-job-started = { $what }…
status-imported = Imported { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} ({ $added } new), { $unchanged } unchanged, { $failed } failed
status-imported-cancelled = { $message }, cancelled
title = Kartoteka
title-catalogue = { $catalogue } — Kartoteka
title-damaged = { $catalogue } (damaged) — Kartoteka
title-backup = { $catalogue } (a backup) — Kartoteka
status-last-photo = That was the last photo of the result
status-select-to-change = Select the photos to change first
status-cancelling-import = Cancelling the import…
status-cancelling-job = Cancelling: { $what }…
status-select-to-tag = Select the photos to tag first
status-select-for-template = Select the photos for the template first
status-select-to-write = Select the photos to write first
status-nowhere-to-restore = Open or create a catalogue first: there is nowhere to restore to
status-no-set-shown = Delete removes photos from the set shown; no set is shown

## What an edit is called in the status bar ("Rating 3 on 5 photos")

edit-keyword = Keyword { $keyword }
edit-rating = Rating { $stars }
edit-pick = Pick
edit-reject = Reject
edit-unflag = Unflag
edit-label = Label { $label ->
    [red] red
    [yellow] yellow
    [green] green
    [blue] blue
    [purple] purple
   *[other] { $label }
}
edit-no-label = No label

## The grid, the table and the full-size view

no-photos-match = No photos match.
thumbnail-no-preview = { $format }
    no preview
thumbnail-file-missing = file missing
thumbnail-date-possible = date?
colour-label = { $label } label
access-picked = picked
access-rejected = rejected
access-position = { $position } of { $size }
access-close-window = Close window
access-fold-window = Fold window
access-unfold-window = Unfold window
access-resize-panel = Resize panel
access-resize-window = { $edge ->
        [left] Resize window from its left edge
        [right] Resize window from its right edge
        [top] Resize window from its top edge
        [bottom] Resize window from its bottom edge
        [top-left] Resize window from its top left corner
        [top-right] Resize window from its top right corner
        [bottom-left] Resize window from its bottom left corner
       *[bottom-right] Resize window from its bottom right corner
    }
table-default-columns = Default columns
table-reverse-hint = Click to reverse the order; right-click to choose columns
table-sort-hint = Click to sort by this column; right-click to choose columns
table-date-possible-hint = The date only overlaps the period searched for
viewer-not-started = the loader could not start: { $error }
viewer-photo = The photo, full size
viewer-zoom = { $percent } %
viewer-zoom-loading = { $percent } % · loading full resolution…
viewer-error = This photo could not be shown: { $error }
viewer-pick = pick
viewer-reject = reject
viewer-credit = Credit: { $credit }
viewer-band = { $index } of { $total }   { $zoom }   ←/→ next · click, Z or the wheel to zoom · drag to pan · 0–5 P X U 6–9 · Esc back

## The keyboard reference

keys-group-catalogue = Catalogue
keys-group-selection = Choosing photos
keys-group-describing = Describing and rating
keys-group-viewing = Viewing
key-undo = Undo the last change
key-redo = Redo what was undone
key-find = Search (selects the query, so typing replaces it)
key-import = Import a folder
key-export-csv = Export CSV
key-open-catalogue = Open another catalogue
key-quit = Quit (after the work under way, and a backup when one is due)
key-keyboard-reference = This keyboard reference
key-keyboard-reference-typing = This keyboard reference, when no field has the keyboard
key-move-right = Next photo
key-move-left = Previous photo
key-move-down = Photo below (in the table: next)
key-move-up = Photo above
key-extend-right = Extend the selection right
key-extend-left = Extend the selection left
key-extend-down = Extend the selection down
key-extend-up = Extend the selection up
key-select-all = Select all photos of the result
key-select-none = Select none
key-back = Leave the full-size view, close About; in the grid, select none. In a field: leave it without saving
key-rate-0 = No stars
key-rate-1 = 1 star
key-rate-2 = 2 stars
key-rate-3 = 3 stars
key-rate-4 = 4 stars
key-rate-5 = 5 stars
key-pick = Pick
key-reject = Reject
key-unflag = Unflag
key-label-red = Red label
key-label-yellow = Yellow label
key-label-green = Green label
key-label-blue = Blue label
key-no-label = No colour label
key-remove-from-set = Remove from the set shown (undo puts them back)
key-write-caption = Write the caption of the selected photos (what is typed replaces it)
key-add-keyword = Add a keyword to the selected photos
key-add-to-set = Add the selected photos to a set, chosen by name (a new name makes a new set)
key-open-full-size = Open the photo full size
key-grid-view = Grid
key-table-view = Table
key-toggle-zoom = Full size: 100 % and back to fit (also a click)
key-zoom-in = Full size: zoom in (also the wheel)
key-zoom-out = Full size: zoom out
key-tab-keys = Tab, Shift+Tab
key-tab-what = Next and previous field of the inspector (saves the field left)
key-enter-keys = Enter
key-enter-what = Save the field (in the caption: save and go on to the next photo's caption)
key-shift-enter-keys = Shift+Enter
key-shift-enter-what = A new line in the caption or note
key-esc-keys = Esc
key-esc-what = Leave a field without saving what was typed
key-click-keys = Click, Shift+click, Ctrl+click
key-click-what = Select one, a range, or add and remove one
key-drag-keys = Drag in the full-size view
key-drag-what = Move around a photo shown larger than the window
keys-title = Keyboard
keys-typing = Typing and the mouse

## Dialogs

file-import-folder = Import a folder
file-export-csv = Export CSV
file-import-csv = Import CSV
file-import-sources = Import sources (CSL-JSON)
file-copies-folder = A folder for the copies
file-set-folder = A folder for the exhibition
file-new-catalogue = New catalogue
file-open-catalogue = Open catalogue
file-restore-backup = Restore a backup
file-backup-folder = A folder for backups
file-filter-csv = CSV
file-filter-csl = CSL-JSON
file-filter-catalogue = Kartoteka catalogue
file-new-catalogue-name = Archive.kartoteka
path-type = Type a path
path-whole = Type the whole path, from the top (/…)
path-no-folder = There is no folder here
path-is-file = This is a file, not a folder
path-no-file = There is no file here
path-is-folder = This is a folder; add a file name
path-no-parent = The folder for this file does not exist
path-exists = A file of this name is already here; a new catalogue never replaces one
path-hint = /path/to/…
path-name = Path
chooser-not-started = The system file chooser could not start ({ $error }).
chooser-missing = The system file chooser did not open (this desktop offers no file chooser service). Type the path instead.
dialog-ok = OK
dialog-cancel = Cancel
rename-keyword-heading = Rename or move keyword
rename-keyword-explanation = A new name, or a whole new path (Places|Czechoslovakia|Milovice) to move it. Its photos follow.
rename-keyword-field = New name or path
rename-ok = Rename
merge-keyword-heading = Merge keyword
merge-keyword-explanation = Its photos get the keyword below instead, keywords under it move there, and it is deleted.
merge-keyword-field = Merge into
merge-ok = Merge
rename-set-heading = Rename set
rename-set-explanation = The set keeps its photos, order and wall labels.
rename-set-field = New name
add-to-set-heading = Add { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} to a set
add-to-set-explanation = Type the set's name, or choose one with ↓ and ↑. A name no set has makes a new set.
add-to-set-field = Set name
add-to-set-existing = Enter adds them to “{ $set }”.
add-to-set-new = Enter makes the new set “{ $set }” and adds them to it.
add-to-set-ok = Add
status-job-under-way = { $what } is still under way

## The inspector

inspector-nothing-selected = Select a photo to see and edit its description.
inspector-many = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} selected; edits change all of them
inspector-file-section = File and camera
inspector-file-section-of = File and camera of { $of }
inspector-tags-section = All tags ({ $count })
inspector-tags-section-of = All tags of { $of } ({ $count })
inspector-history-section = History ({ $count })
inspector-history-section-of = History of { $of } ({ $count })
inspector-star-hint = { $count ->
    [one] { $count } star
   *[other] { $count } stars
} (key { $count }); 0 for none
inspector-stars = { $count ->
    [one] { $count } star
   *[other] { $count } stars
}
inspector-mixed = (mixed)
inspector-key-hint = key { $key }
inspector-bad-date = Not a date the catalogue can read. Accepted: { $forms }
date-forms = 1991, 1991-06, 1991-06-21; 1991? uncertain, 1991~ about, 199X a decade, 1991-XX, 1990-02/1991-06 a span, ../1990
inspector-problem = ⚠ { $problem }
inspector-claims-hint = List the claims on this field, with their sources
inspector-in-sets = In exhibition sets
inspector-wall-label = Wall label in “{ $set }”
chip-some-hint = On some of the selected photos. Click to remove.
chip-hint = Click to remove
chip-remove = Remove { $keyword }
keyword-add-hint = Add keyword (Enter)
keyword-add = Add keyword
edit-keyword-removed = Keyword { $keyword } removed
tech-file = File
tech-size = Size
tech-size-value = { $width } × { $height } { $format }, { $megabytes } MB
tech-camera = Camera
tech-lens = Lens
tech-taken = Taken
tech-digitised = Digitised
tech-shutter-fraction = 1/{ $denominator } s
tech-shutter = { $seconds } s
tech-aperture = f/{ $f }
tech-iso = ISO { $iso }
tech-focal-length = { $mm } mm
tech-exposure = Exposure
tech-gps = GPS
tech-gps-altitude = { $place }, { $metres } m
tech-warning = Warning
history-none = Not changed in the catalogue
history-entry = { $when }  { $what }
# Who made an operation, and when: "Jana Nováková, 30. 11. 2026 14:02".
history-by = { $who }, { $when }
history-undone = { $when }  { $what } (undone)
history-on-photos = { $what } on { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
history-rating = Rating { $stars }
history-cleared = { $field } cleared
history-keywords-added = { $count ->
    [one] Keyword
   *[other] Keywords
} { $keywords }
history-keywords-removed = { $count ->
    [one] Keyword
   *[other] Keywords
} { $keywords } removed
history-undo-of = Undo: { $what }
history-redo-of = Redo: { $what }
history-set-created = Created set “{ $set }”
history-set-created-with = Created set “{ $set }” with { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
history-search-saved = Saved search “{ $set }”
history-set-deleted = Deleted set “{ $set }” ({ $count ->
    [one] { $count } photo
   *[other] { $count } photos
})
history-search-deleted = Deleted saved search “{ $set }”
history-set-renamed = Renamed set “{ $old }” to “{ $new }”
history-set-added = Added { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} to set “{ $set }”
history-set-removed = Removed { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} from set “{ $set }”
history-set-wall-labels = { $count ->
    [one] Wall label
   *[other] { $count } wall labels
} in set “{ $set }”
history-set-order = New order of set “{ $set }”
history-keyword-renamed = Renamed keyword { $old } to { $new }
history-keyword-deleted = Deleted keyword { $keyword } ({ $count ->
    [one] { $count } photo
   *[other] { $count } photos
})
history-keyword-merged = Merged keyword { $keyword } into { $into } ({ $count ->
    [one] { $count } photo
   *[other] { $count } photos
})
history-keyword-list = Keyword list: { $keywords ->
    [one] { $keywords } keyword
   *[other] { $keywords } keywords
} and { $synonyms ->
    [one] { $synonyms } synonym
   *[other] { $synonyms } synonyms
} added
history-template-saved = Saved template “{ $template }”
history-template-changed = Changed template “{ $template }”
history-template-deleted = Deleted template “{ $template }”
history-template-applied = Template “{ $template }” on { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
history-csv = CSV import of { $file }: { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
history-csv-labels = CSV import of { $file }: { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}, { $labels ->
    [one] { $labels } wall label
   *[other] { $labels } wall labels
}
history-source-added = Added source “{ $source }”
history-source-changed = Changed source “{ $source }”
history-source-removed = Removed source “{ $source }”
history-sources-imported = Imported { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
history-source-merged = Merged source “{ $source }” into “{ $into }”
history-claim = { $field } { $value }
history-claim-cited = { $field } { $value } ({ $source })
history-claims-added = Claim on { $field } of { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
history-claims-added-cited = Claim on { $field } of { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} from “{ $source }”
history-claim-preferred = Preferred { $claim }
history-claim-removed = Removed claim { $claim }
history-claim-changed = Changed claim { $claim }
history-claims-csv = Claims CSV: { $claims ->
    [one] { $claims } claim
   *[other] { $claims } claims
} on { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
history-claim-step-added = Claim { $claim } added
history-claim-step-added-preferred = Claim { $claim }, preferred, added
history-claim-step-removed = Claim { $claim } removed
history-claim-step-preferred = Claim { $claim } preferred
history-claim-step-not-preferred = Claim { $claim } no longer preferred
history-claim-step-changed = Claim { $claim } changed
history-change = { $field }: { $old } → { $new }
history-quoted = “{ $text }”
history-empty = (empty)
history-no-items = (none)

## Catalogues: the first launch, damage, backups, About, leaving

menu-new-catalogue = New catalogue…
menu-open-catalogue = Open catalogue…
menu-open-recent = Open recent
menu-back-up = Back up catalogue…
work-import = An import
work-import-progress = An import ({ $done } of { $total } files)
work-job-progress = { $what } ({ $percent }%)
welcome-heading = Welcome to Kartoteka
welcome-explanation = A catalogue holds everything known about an archive's photographs. There is none on this computer yet.
welcome-create = Create the catalogue
welcome-open = Open a catalogue…
welcome-open-hint = One made before, on this computer or on a disk
welcome-restore = Restore a backup…
welcome-restore-hint = A backup of a catalogue (a .kartoteka file in a Backups folder)
welcome-recent = Catalogues opened before (the last one was not found: is its disk connected?):
welcome-recent-hint = Open this catalogue
damaged-heading = This catalogue is damaged
damaged-message = { $error }
damaged-explanation = Kartoteka has changed nothing in it and will not write to it. Keep the file: it may still help whoever repairs it.
damaged-newest-backup = The newest backup of it is from { $when }:
damaged-restore = Restore this backup into a new catalogue
damaged-restore-hint = The restored catalogue is a new file beside the damaged one, which stays as it is. Changes made after the backup are not in it.
damaged-no-backup = No backup of it was found in its backup folder.
restore-another = Restore another backup…
open-another = Open another catalogue…
backup-file-heading = This is a backup of a catalogue
backup-file-taken = taken { $when }
backup-file-explanation = A backup is not worked in, so that it stays exactly as it was. Restoring makes a new catalogue from it and opens that.
backup-file-restore = Restore it into a new catalogue
about-heading = Kartoteka { $version }
about-description = A desktop cataloguer for documentary photo archives
about-licence = Licence: { $licence }
about-catalogue = Catalogue
about-none-open = none open
about-schema = Schema version
about-schema-current = { $version } (the version this Kartoteka writes)
about-schema-writes = this Kartoteka writes version { $version }
about-backups = Backups
about-backups-beside = beside the catalogue
about-fonts = Fonts
about-fonts-egui = Text is drawn with egui's fonts: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (MIT and Bitstream Vera licences), Noto Emoji (SIL Open Font Licence 1.1) and egui's emoji and icon fonts (SIL OFL 1.1, MIT).
about-fonts-dejavu = Symbols and letters those lack come from DejaVu Sans, bundled with Kartoteka under this licence:
about-libraries = Libraries built in ({ $count })
about-libraries-notice = JPEG decoding and thumbnail encoding use libjpeg-turbo's codec (the mozjpeg build): this software is based in part on the work of the Independent JPEG Group. SQLite is in the public domain.
backup-title = Back up catalogue
backup-explanation = The catalogue and its thumbnails are copied while you work, checked for damage, and named by date and time.
backup-folder = Backup folder
backup-choose-folder = Choose another folder…
backup-beside = Beside the catalogue
backup-keep = Keep
backup-keep-newest = the newest
backup-kept-name = Backups kept
backup-keep-rest = { $count ->
    [one] backup; older ones are deleted
   *[other] backups; older ones are deleted
}
backup-automatically = Automatically
backup-newest = Newest backup
backup-newest-value = { $when }  ({ $file })
backup-none-yet = none yet
backup-now = Back up now
leaving-backing-up = Backing up before quitting
leaving-quitting = Quitting when the work under way is done
leaving-switching = Opening { $catalogue } when the work under way is done
leaving-backup-hint = The backup is checked before it is kept; skipping it leaves no partial file.
leaving-cancel-hint = Cancelling keeps what is done so far whole; nothing is left half-written.
leaving-skip-backup = Skip this backup
leaving-cancel-import = Cancel the import
leaving-cancel-job = Cancel it
leaving-dont-quit = Don't quit
leaving-stay = Stay here

## Claims and sources

claims-disagree = ⚠ { $count ->
    [one] { $count } claim disagrees
   *[other] { $count } claims disagree
}
claims-count = ⚖ { $count ->
    [one] { $count } claim
   *[other] { $count } claims
}
claims-section = Claims and sources
claims-section-count = Claims and sources ({ $count })
claims-section-disputed = Claims and sources ({ $count }; ⚠ { $disputed ->
    [one] { $disputed } field
   *[other] { $disputed } fields
} disputed)
source-citation = Citation
source-authors = Authors (;)
source-title = Title
source-publisher = Publisher
source-date = Date
source-url = URL
source-reference = Archive ref.
source-note = Note
claim-no-source = no source
claim-note = note: { $note }
claim-kept-from-team = changed on two team replicas apart
claims-on = Claims on { $field }
claims-every-field = Show every field
claims-heading = { $field } — { $mark }
claims-none-on = No claims on { $field } yet.
claims-none = No claims on this photo yet.
claims-first-photo = The claims listed are the first photo's; a claim added goes to all.
claim-preferred-hint = Preferred: the field shows this value
claim-other-hint = Another version, kept with its source
claim-prefer = Prefer
claim-prefer-hint = Show this value in the field
claim-edit = Edit
claim-edit-hint = Change its source, locator, certainty or note
claim-remove = Remove
claim-remove-hint = Ctrl+Z brings it back
claim-form-change = Change the claim's source
claim-form-add-many = Add a claim to { $count } photos
claim-form-add = Add a claim
claim-form-field = Field
claim-form-field-name = Claim field
claim-form-value = Value
claim-form-source = Cited source
claim-form-no-source = ✕ no source
claim-form-no-source-hint = Cite no source
claim-form-source-hint = Type to find or create a source
claim-form-more-sources = and { $count } more; type more words
claim-form-new-source = New source “{ $citation }”
claim-form-new-source-hint = Created with the claim; edit it in the sidebar
claim-form-locator = Locator
claim-form-locator-hint = p. 12, sleeve verso
claim-form-certainty = Certainty
claim-form-not-said = not said
claim-form-note = Note
claim-form-prefer = Prefer it: the field shows this value
claim-form-save = Save the claim
claim-form-submit = Add the claim
sources-none = No sources yet: add one with a claim, or import CSL-JSON.
sources-import = Import CSL-JSON…
sources-import-hint = Sources exported from Zotero or another reference manager
source-hint = { $title }
    { $count ->
        [one] { $count } photo citing it; right-click to edit or merge
       *[other] { $count } photos citing it; right-click to edit or merge
    }
source-edit = Edit or merge…
source-show-photos = Show its photos
source-window = Source { $id }
source-kind = Kind
source-kind-name = Kind of source
source-save = Save
source-choose = choose a source
source-merge-name = Merge into source
source-merge-hint = Its claims cite the chosen source instead; Ctrl+Z undoes it
source-cited-by = Cited by { $claims ->
    [one] { $claims } claim
   *[other] { $claims } claims
} on { $photos ->
    [one] { $photos } photo
   *[other] { $photos } photos
}

## CSV, embedding and set export

csv-file-stem = catalogue
csv-photos = Photos
csv-result = The result on screen ({ $count ->
    [one] { $count } photo
   *[other] { $count } photos
})
csv-selection = The selected photos ({ $count ->
    [one] { $count } photo
   *[other] { $count } photos
})
csv-set = The set "{ $set }" in its order, with wall labels ({ $count ->
    [one] { $count } photo
   *[other] { $count } photos
})
csv-format = Format
csv-format-catalogue = Catalogue, for spreadsheets
csv-format-catalogue-hint = Friendly headers. A cell starting with = + - @ gets a leading ' so that a spreadsheet shows it instead of running it; Import CSV takes it off again.
csv-format-exiftool = exiftool (exiftool -csv=FILE -sep "; ")
csv-format-exiftool-hint = Tag-named columns and exact values, for writing into the files.
csv-save-as = Save as…
csv-empty = (empty)
csv-import-title = Import CSV: { $file }
csv-values = { $count ->
    [one] { $count } value
   *[other] { $count } values
}
csv-claims = { $count ->
    [one] { $count } claim
   *[other] { $count } claims
}
csv-values-and-labels = { $values }, { $count ->
    [one] { $count } wall label
   *[other] { $count } wall labels
}
csv-would-change = Would change { $count ->
    [one] { $count } photo
   *[other] { $count } photos
} ({ $what }). Nothing has changed yet.
csv-blank-clears = Empty cells clear fields
csv-labels-into = Wall labels into
csv-no-set = no set
csv-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
} (those rows and cells are left unchanged)
csv-column-photo = Photo
csv-column-field = Field
csv-column-now = Now
csv-column-after = After
csv-wall-label = wall label
csv-claim-row = claim, row { $row }
csv-apply = Apply { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
csv-apply-hint = One operation in the history: a single undo takes it back
embed-title = Embed metadata in the original files
embed-explanation = Kartoteka will write the catalogue's descriptions (XMP, and IPTC in JPEG and TIFF) into { $count ->
    [one] { $count } original file
   *[other] { $count } original files
}. The image data stays exactly as it is; each file is replaced in one step, so an interruption leaves the old file or the new one.
embed-keep-copy = Keep a copy of each original beside it (.NAME.kartoteka-backup)
embed-ok = Embed in { $count ->
    [one] { $count } file
   *[other] { $count } files
}
set-export-title = Export "{ $set }"
set-export-explanation = Numbered JPEG copies in set order with their descriptions embedded, a checklist (CSV) and a printable contact sheet (HTML) go into the folder you choose.
set-export-scale = Scale down to a long edge of
set-export-pixels = {" "}px
set-export-strip-gps = Leave out GPS positions
set-export-ok = Choose a folder and export…
problems-title = Problems: { $what }

## Errors in detail: what the catalogue refused, and why a file could not be used

error-other = { $error }
error-io-other = { $file }: { $error }
error-catalogue-locked = { $file } is in use by another program and stayed locked; try again when it has finished
error-catalogue-read-only = { $file } is read-only for this user; nothing was changed
error-disk-full = the disk holding { $file } is full; nothing was changed: free some space and try again
error-catalogue-damaged = { $file } is damaged; restore it from a backup
error-catalogue-cannot-open = { $file } cannot be opened or created (is its folder there, and may this user write it?)
error-permission-denied = { $file }: permission denied
error-disk-failed = the disk reported an error while reading or writing { $file }
error-not-found = { $file } does not exist
error-already-exists = { $file } already exists
error-quota-exceeded = { $file }: this user's disk quota is used up; nothing was changed
error-read-only-disk = { $file } is on a read-only disk
error-is-a-folder = { $file } is a folder
error-not-a-folder = part of { $file } is not a folder
error-folder-not-empty = the folder { $file } is not empty
error-file-too-large = { $file } is too large for its disk
error-bad-file-name = { $file } is not a file name this disk accepts
error-file-cut-short = { $file } ends too early; is it cut short?
error-out-of-memory = there is not enough memory for { $file }
error-newer-version = this catalogue was written by a newer Kartoteka (schema version { $found }; this version knows up to { $known }); it was left unchanged
error-not-a-catalogue = { $file } is not a Kartoteka catalogue; it was left unchanged
error-migration = upgrading the catalogue to schema version { $version } failed ({ $reason }); its version marker may be damaged: restore the catalogue from a backup
error-read-only-upgrade = the catalogue needs upgrading from schema version { $found } to { $known }, but it is read-only for this user; open it once with permission to write it
error-read-only-journal = the catalogue holds changes in { $file } that a program left unfinished, and it is read-only for this user; open it once with permission to write it to fold them in
error-no-such-photo = no photo { $photo } in the catalogue
error-catalogue-data-damaged = catalogue data is damaged ({ $reason }); restore the catalogue from a backup
error-name-needed = { $what ->
    [template] a template needs a name
   *[set] a set needs a name
}
error-query-does-not-parse = the query does not parse at position { $position }: { $reason }
error-query-quote-not-closed = this quote is never closed
error-query-empty-quotes = empty quotes
error-query-unmatched-close = “)” with no “(” before it
error-query-open-not-closed = “(” is never closed
error-query-unexpected-text = unexpected text
error-query-or-needs-after = OR needs something after it
error-query-or-needs-before = OR needs something before it
error-query-or-or = OR twice in a row
error-query-nothing-to-exclude = “-” must be followed by what to exclude
error-query-ends-too-early = the query ends too early
error-query-too-deep = parentheses and “-” nest deeper than { $limit } { $limit ->
    [one] level
   *[other] levels
}
error-query-no-words = “{ $term }” has no letters or digits to search for; leave it out, or search for words
error-query-needs-value = “{ $field }:” needs a value
error-query-unknown-field = unknown field “{ $field }:” (fields are { $fields })
error-query-not-a-date = “{ $value }” is not a date (write 1991, 1991-06 or 1991-06-21)
error-query-range-without-ends = a date range needs at least one end
error-query-range-backwards = the range { $range } ends before it starts
error-query-bad-rating = a rating is 0 to 5, optionally after >=, >, <=, < or =; not “{ $value }”
error-query-bad-flag = a flag is pick, reject or none, not “{ $value }”
error-query-bad-label = a label is red, yellow, green, blue, purple or none, not “{ $value }”
error-query-bad-property = “{ $field }:” takes one of { $names }, not “{ $value }”
error-query-not-descriptive = “{ $field }:” takes a descriptive field (caption, date, city, person, …), not “{ $value }”
error-query-bad-certainty = certainty is certain, probable or possible, not “{ $value }”
error-query-bad-status = status is missing or warning, not “{ $value }”
error-sort-unknown = no sort order named “{ $name }”; sort by { $names } (a leading - reverses)
error-search-no-words = “{ $term }” has no letters or digits to search for
error-cites-no-words = cites:{ $words } has no words to look for in the sources
error-saved-search-loop = the saved search “{ $name }” refers to itself through other saved searches
error-saved-search-does-not-parse = the saved search “{ $name }” does not parse at position { $position }: { $reason }
error-set-order-needs-set = sorting by set order needs a set: filter naming an exhibition set
error-import-system = { $kind ->
    [not-found] no such file or folder
    [permission-denied] permission denied
    [is-a-folder] is a folder
    [cut-short] the file ends too early
    [out-of-memory] not enough memory
   *[other] { $detail }
}
error-import-unreadable = could not be read: { $reason }
error-import-link-loop = a symbolic link loops back to { $folder }
error-import-not-a-photo-file = is { $kind }, not a photo file; it was not read
error-import-not-a-file = is { $kind }, not a regular file; it was not read
error-import-empty = is empty (0 bytes)
error-import-not-an-image = is not in an image format Kartoteka reads (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, camera raw)
error-import-unsupported = is in { $format }, a format Kartoteka does not read
error-import-damaged = is damaged: { $damage }
error-import-too-large = is { $size }, more than the { $limit } Kartoteka reads
error-import-too-many-pixels = declares { $width } × { $height } pixels, more than the { $limit } { $limit ->
    [one] megapixel
   *[other] megapixels
} Kartoteka decodes
error-import-too-many-scans = is a progressive JPEG of more than { $limit } scans, which Kartoteka does not decode (real ones have about ten)
error-damage-structure = the { $format } structure is broken: { $detail }
error-damage-tiff = the TIFF structure is broken: { $detail }
error-damage-png-without-header = the PNG does not start with an IHDR chunk
error-damage-png-cut-short = the PNG is cut short before its header
error-damage-jxl-header = the JPEG XL header could not be read: { $detail }
error-damage-jxl-cut-short = the JPEG XL header is cut short or too large
error-damage-no-image-size = no image size could be read
error-damage-pixels = the pixels could not be decoded: { $detail }
error-damage-thumbnail = the thumbnail could not be encoded: { $detail }
fault-ends-in-structure = the file ends in the middle of its structure
fault-ends-in-metadata = the file ends in the middle of a metadata block
fault-ends-before-copied = the file ends before the part being copied
fault-part-past-end = an embedded part lies past the end of the file
fault-no-jpeg-start = there is no JPEG start marker
fault-too-many-segments = more than { $limit } segments come before the image data
fault-segment-too-short = a segment declares a length below 2
fault-segment-past-end = a segment runs past the end of the file
fault-no-png-signature = there is no PNG signature
fault-no-png-header = there is no IHDR chunk
fault-chunk-cut-short = the { $kind } chunk at byte { $at } is cut short
fault-not-tiff = it is not a TIFF file
fault-tiff-header-cut-short = the TIFF header is cut short
fault-bigtiff-header = the BigTIFF header is damaged
fault-tiff-cut-short = the TIFF is cut short
fault-tiff-metadata-too-large = the TIFF metadata is too large
fault-tiff-loop = the TIFF directories point in a loop
fault-tiff-past-budget = the TIFF directories hold more than the { $limit } of metadata Kartoteka reads
fault-too-many-tiff-directories = there are more than { $limit } TIFF directories
fault-tiff-entries = a TIFF directory declares { $count } { $count ->
    [one] entry
   *[other] entries
}
fault-tiff-value-past-end = a TIFF value lies past the end of the file
fault-ends-in-tiff-value = the file ends inside a TIFF value
fault-ends-in-box = the file ends inside a box
fault-too-many-boxes = more than { $limit } boxes are in one container
fault-box-past-container = the { $kind } box at byte { $at } runs past its container
fault-uuid-box-too-short = a uuid box is too short
fault-box-cut-short = a box's content is cut short
fault-bad-field-size = a box declares a field size that does not exist
fault-boxes-too-deep = boxes are nested deeper than the { $limit } levels Kartoteka walks
fault-no-meta-box = there is no meta box
fault-heif-item-table-too-large = a HEIF item table is too large
fault-heif-item-past-end = a HEIF item's data lies past the end of the file
fault-raf-header-past-end = the RAF header points past the end of the file
error-csv-cell = row { $row }, column { $column }: { $problem }
error-csv-row = row { $row }: { $problem }
error-csv-column = column { $column }: { $problem }
error-csv-quote-not-closed = a quote opened here is never closed, so the rest of the file is inside this cell; this row and the rest were left unchanged
error-csv-text-after-quote = text follows the closing quote of this cell (a quote inside a quoted cell is written twice); this row was left unchanged
error-csv-utf16-odd = the file looks like UTF-16 text but has an odd number of bytes; nothing was read (save it again as UTF-8 or UTF-16)
error-csv-utf16-broken = the file is UTF-16 text with a broken character; nothing was read
error-csv-header-unreadable = the header row cannot be read: { $problem }
error-csv-empty = the file is empty
error-csv-unknown-column = unknown column “{ $name }”; it is ignored
error-csv-column-twice = column “{ $name }” appears { $count } times (columns { $columns }); none of them is read
error-csv-no-photo-column = no ID, File or SourceFile column to match rows to photos
error-csv-no-claim-column = no { $column } column; nothing was read
error-csv-no-claim-photo-column = no Photo ID or File column to match rows to photos; nothing was read
error-csv-cell-count = has { $cells } { $cells ->
    [one] cell
   *[other] cells
} but the header has { $header }; this row was left unchanged
error-csv-no-photo-key = no photo id or file to match; this row was left unchanged
error-csv-named-by-rows = photo { $photo } is named by rows { $rows }; none of them was applied
error-csv-row-left = { $reason }; this row was left unchanged
error-row-cell-too-long = the cell is { $size }, more than the { $limit } Kartoteka keeps in one field
error-row-not-utf8 = not valid UTF-8 text
error-row-not-an-id = “{ $text }” is not a { $of ->
    [claim] claim
    [source] source
   *[photo] photo
} id
error-row-not-yes-or-no = Preferred is yes or no, not “{ $value }”
error-row-no-such-photo = no photo with id { $photo }
error-row-no-photo-at = no photo at { $file }
error-row-id-and-file-differ = ID { $id } and File { $file } name two different photos ({ $id } and { $other })
error-row-photo-and-file-differ = Photo ID { $photo } and File { $file } name two different photos
error-row-source-is-another = Source ID { $id } is “{ $citation }”, not “{ $cell }” as the Source cell says
error-row-no-source-cited = no source is cited as “{ $citation }” (add it first, or give its Source ID)
error-row-sources-cited = { $sources ->
    [one] { $sources } source is
   *[other] { $sources } sources are
} cited as “{ $citation }”; give the Source ID
error-row-not-claimable = “{ $field }” is not a field claims are about
error-row-rivals-preferred = rows { $rows } all prefer a claim on { $field } of photo { $photo }
error-row-no-such-claim-on-photo = no claim { $id } about photo { $photo } (a new claim has no Claim ID)
error-row-claim-of-another-field = claim { $id } is about { $was }, not { $field } (a new claim has no Claim ID)
error-row-last-preferred = claim { $id } is the preferred one of its field; prefer another claim instead
error-no-such-set = no exhibition set named “{ $set }”
error-no-such-set-or-search = no set or saved search named “{ $set }”
error-search-not-set = “{ $set }” is a saved search, not an exhibition set
error-set-name-taken = a set or saved search named “{ $set }” already exists
error-not-in-set = photo { $photo } is not in “{ $set }”
error-no-such-template = no template named “{ $name }”
error-not-for-template = a template cannot hold { $field } (use keywords for keywords)
error-bad-value = { $field }: { $expected ->
    [rating] a rating is 0 to 5
    [flag] a flag is pick, reject or none
    [label] a label is red, yellow, green, blue, purple or none
   *[list] a list of texts
}, not “{ $value }”
error-bad-date = “{ $value }” is not a { $of ->
    [source] source's date
   *[photo] date
} (write 1991, 1991-06 or 1991-06-21; 1991? uncertain, 1991~ about, 199X a decade, 1990-02/1991-06 a span)
error-field-too-long = { $field }: longer than the { $limit } a field may hold
error-part-too-long = a { $record ->
    [claim] claim's
   *[source] source's
} { $part ->
    [citation] citation
    [title] title
    [publisher] publisher
    [date] date
    [url] URL
    [reference] reference
    [note] note
    [authors] authors
    [locator] locator
   *[other] further CSL fields
} is longer than the { $limit } a field may hold
error-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
error-no-such-keyword = no keyword “{ $keyword }”
error-ambiguous-keyword = “{ $keyword }” names several keywords; give the path: { $paths }
error-keyword-not-created = the keyword “{ $keyword }” could not be created
error-not-a-keyword-path = “{ $keyword }” is not a keyword path
error-not-a-keyword-name = “{ $keyword }” is not a keyword name
error-keyword-under-itself = { $keyword } cannot go under itself
error-keyword-into-itself = { $keyword } cannot be merged into itself or a keyword below it
error-keyword-exists = { $keyword } already exists; merge the two keywords instead
error-keywords-too-deep = the keyword list nests deeper than the { $limit } levels Kartoteka keeps
error-keyword-path-too-deep = a keyword path of { $levels } levels is deeper than the { $limit } Kartoteka keeps
error-not-claimable = claims are about a descriptive field ({ $fields }), not { $field }
error-claim-needs-value = a claim needs a value for { $field }
error-no-such-claim = no claim { $id }
error-no-such-source = no source { $id }
error-source-not-added = the source was not added
error-source-needs-citation = a source needs a citation, a title or an author
error-no-such-source-kind = a source's kind is { $kinds }, not “{ $value }”
error-no-such-source-field = a source has citation, author, title, publisher, date, URL, reference, kind and note, not “{ $field }”
error-source-in-use = source { $id } is still cited by claims
error-source-still-cited = source { $id } (“{ $citation }”) is cited by { $claims ->
    [one] { $claims } claim
   *[other] { $claims } claims
} on { $photos ->
    [one] { $photos } photo
   *[other] { $photos } photos
}; remove those first, or force it (the claims stay, citing nothing)
error-source-into-itself = source { $id } cannot be merged into itself
error-history-damaged = the edit history is damaged (a change of { $field } cannot be read); nothing was changed
error-not-a-catalogue-file = { $file } is { $kind }, not a catalogue file
error-thread-not-started = could not start { $which ->
    [readers] the reader threads
   *[import] the import thread
}: { $reason }
error-not-a-regular-file = { $file } is { $kind }, not a regular file; it was not read
error-file-larger-than-read = { $file } is { $size }, more than the { $limit } Kartoteka reads
error-not-written-over = { $file } is { $kind }; Kartoteka does not write over it
error-left-unchanged-exists = { $file } already exists; it was left unchanged
error-is-a-database = { $file } is an SQLite database (a catalogue or its thumbnails?); it was left unchanged
error-protected = { $file } is protected (the catalogue, its thumbnails or a catalogued photo); it was left unchanged
error-other-owner = { $file } belongs to another user or group, which replacing it would change; it was left unchanged
error-no-folder = the folder { $file } does not exist
error-changed-on-disk = { $file } changed on disk since it was catalogued; import it again first
error-bad-sidecar = { $file } is not valid XMP ({ $reason }); it was left unchanged
error-no-file-name = { $file } has no file name
error-folder-holds-files = { $file } already holds files; export into an empty folder, or allow replacing what an earlier export left there (a catalogued photo is never replaced)
error-not-decoded = { $file } could not be decoded or encoded again: { $reason }
error-checklist-not-written = the checklist could not be written: { $reason }
error-not-embedded = the metadata could not be embedded in { $file }: { $reason }
embed-xmp-too-large = the XMP ({ $size }) is larger than one JPEG segment holds
embed-exif-too-large = the EXIF is larger than one JPEG segment holds
embed-metadata-too-large = its metadata is larger than the { $limit } Kartoteka rewrites
embed-no-image-data = it has no image data
embed-bigtiff = BigTIFF files are not written to; write the metadata to XMP sidecars instead
embed-raw = camera raw originals ({ $format }) are never written to; write the metadata to XMP sidecars instead
embed-not-writable = Kartoteka does not write metadata into { $format } files; write it to XMP sidecars instead
embed-tiff-too-large = the TIFF would grow past 4 GB
error-csv-not-written = the CSV could not be written: { $reason }
error-nothing-to-export = the set “{ $set }” has no photos to export
error-not-utf8 = { $file } is not UTF-8 text
error-not-csl-json = { $file } is not CSL-JSON: { $reason }
error-no-catalogue-at = there is no catalogue at { $file }
error-backup-newer = { $file } was written by a newer Kartoteka (schema version { $found }; this version knows up to { $known })
error-backup-damaged = { $file } failed the integrity check ({ $problems })
error-backup-in-use = { $file } is the catalogue in use; a backup is restored into a new file, never over it
error-unreadable = { $file } could not be read: { $reason }
error-backup-cancelled = the backup was cancelled; nothing was written
file-kind-folder = a folder
file-kind-fifo = a FIFO (named pipe)
file-kind-char-device = a character device
file-kind-block-device = a block device
file-kind-socket = a socket
file-kind-other = not a regular file

## What import found wrong in a file without stopping it (the inspector's warnings)
warning-metadata-past-budget = metadata beyond { $limit } in this file was not read
warning-png-text-past-budget = compressed PNG text beyond { $limit } in this file was not read
warning-exif-partly-damaged = EXIF is partly damaged; what was readable was read: { $detail }
warning-exif-unreadable = EXIF could not be read: { $detail }
warning-xmp-unreadable = { $packet ->
    [extended] extended XMP could not be read: { $problem }
    [sidecar] the sidecar { $file } could not be read: { $problem }
   *[embedded] XMP could not be read: { $problem }
}
warning-xmp-refused = { $packet ->
    [extended] extended XMP: { $problem }
    [sidecar] the sidecar { $file }: { $problem }
   *[embedded] { $problem }
}
xmp-no-xml = the XMP packet has no XML in it
xmp-not-well-formed = the XMP is not well-formed XML at byte { $at }: { $detail }
xmp-bad-attribute = a bad XML attribute: { $detail }
xmp-unknown-entity = the XMP uses an unknown entity &{ $entity };
xmp-bad-character-reference = the XMP has a bad character reference: { $reference }
xmp-unclosed = the XMP ends before all its elements are closed
xmp-too-many-closing-tags = the XMP has more closing tags than opening ones
xmp-too-deep = the XMP nests deeper than { $limit } levels; it was ignored
xmp-too-many-elements = the XMP has more than { $limit } elements; it was ignored
xmp-no-rdf = the XMP has no rdf:RDF element
xmp-rewrite = the XMP could not be rewritten: { $detail }
warning-iptc-unreadable = IPTC could not be read: { $problem }
iim-header-cut-short = an IIM dataset header is cut short at byte { $at }
iim-bad-extended-length = IIM dataset { $dataset } has a bad extended length
iim-length-cut-short = IIM dataset { $dataset } is cut short
iim-data-cut-short = IIM dataset { $dataset } says { $size } but the block ends first
warning-jpeg-cut-short-in-segment = the file ends inside a JPEG segment at byte { $at }: it was cut short; the metadata before it was read
warning-jpeg-cut-short-in-image = the file ends inside its image data (an interrupted copy?); the metadata was read
warning-webp-chunk-unreadable = the WebP { $block } chunk could not be read: { $detail }
warning-jxl-header-cut-short = the JPEG XL image header is cut short; only its size was read
warning-jxl-box-not-inflated = a compressed JPEG XL box of { $block } could not be inflated: { $detail }
warning-jxl-exif-box-damaged = the JPEG XL Exif box is damaged
warning-heif-exif-item-damaged = the HEIF Exif item is damaged
warning-heif-item-unreadable = the HEIF { $block } item could not be read: { $detail }
warning-cr3-exif-unreadable = the CR3 EXIF directories could not be read
warning-png-chunk-cut-short = PNG chunk { $chunk } at byte { $at } is cut short: the file ends before its image data does
warning-png-without-end = the PNG ends before its IEND chunk: it was cut short
warning-png-text-not-inflated = the compressed text of PNG text chunk “{ $keyword }” could not be inflated: { $detail }
warning-png-profile-not-hex = PNG profile “{ $keyword }” is not valid hex text
warning-xmp-source-without-key = an XMP source without a key was ignored
warning-xmp-source-ignored = XMP source “{ $key }” was ignored: { $reason }
warning-xmp-too-many-claims = the XMP holds { $count } claims; only the first { $limit } are read
warning-xmp-claim-not-descriptive = an XMP claim about “{ $name }” was ignored: not a descriptive field
warning-xmp-claim-without-value = an XMP claim on { $field } without a value was ignored
warning-xmp-claim-ignored = an XMP claim was ignored: { $reason }
warning-xmp-claim-unknown-source = an XMP claim on { $field } cites source “{ $key }”, which the packet does not describe; it was kept without a source
warning-xmp-claim-part-too-long = an XMP claim on { $field } was ignored: its locator or note is longer than { $limit }
warning-more-xmp-claims-ignored = { $count ->
    [one] and { $count } more XMP claim or source ignored
   *[other] and { $count } more XMP claims or sources ignored
}
warning-depicted-date-ignored = the { $block } depicted date was ignored: “{ $value }” is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)
warning-field-cut = { $field } is { $size }, more than the { $limit } Kartoteka keeps; it was cut
warning-keyword-levels-cut = a hierarchical keyword has { $levels } levels, more than the { $limit } Kartoteka keeps; it was cut
warning-list-item-cut = an item of { $field } is more than the { $limit } Kartoteka keeps; it was cut
warning-list-cut = { $field } holds { $count } items, more than fit in { $limit }; the first { $kept } were kept
warning-raw-tag-values-cut = tag values longer than { $limit } were cut
warning-raw-tags-left-out = tags beyond { $limit } were not kept ({ $count } left out)
warning-sidecar-not-read = the sidecar { $file } could not be read: { $detail }
warning-sidecar-not-a-file = the sidecar { $file } is { $kind }, not a regular file; it was not read
warning-sidecar-too-large = the sidecar { $file } is { $size }, more than the { $limit } Kartoteka reads
warning-cut-short-before-size = the file is cut short before its image size
warning-no-thumbnail = no thumbnail: { $why }
unsupported-by-decoder = the decoder does not support this kind of picture: { $detail }
unsupported-format = { $format } is not decoded for previews
unsupported-jpeg-tiff-layout = a JPEG-compressed TIFF of this layout is not decoded
warning-no-preview = no preview: { $why }
no-preview-structure-damaged = the file's structure is damaged: { $detail }
no-preview-none-embedded = the file embeds no JPEG preview
no-preview-not-decoded = the embedded { $width } × { $height } JPEG preview could not be decoded: { $detail }
no-preview-heif-too-large = HEIF files over { $limit } are not decoded
no-preview-hevc-unavailable = HEVC decoding is unavailable: { $detail }
no-preview-hevc-failed = HEVC decoding failed: { $detail }
no-preview-hevc-too-few-pixels = the HEVC decoder returned too few pixels
warning-image-data-cut-short = the image data is cut short and could not be decoded; no thumbnail: { $detail }
warning-pixels-damaged = the image data is damaged; the preview shows what could be decoded: { $detail }
warning-pixels-cut-short = the image data is damaged or cut short; the preview shows the first { $rows } of { $height } rows: { $detail }
