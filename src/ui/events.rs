//! What the worker tells the window, taken in once per frame.

use super::worker::Event;
use super::{App, ImportState, interop};
use crate::tr;

impl App {
    pub(super) fn handle_events(&mut self, ctx: &egui::Context) {
        while let Ok(event) = self.worker.events.try_recv() {
            self.handle(event);
        }
        self.thumbnails.receive(ctx);
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Opened { path } => {
                self.opened = true;
                self.status
                    .info(tr!("status-opened", catalogue = super::display_name(&path)));
                self.set_title(tr!(
                    "title-catalogue",
                    catalogue = super::display_name(&path)
                ));
                self.settings.opened(&path);
                self.thumbnails_beside(&path);
                self.catalogue = Some(path);
                self.refresh();
            }
            Event::Failed(message) => {
                self.failed = Some(message);
                self.status.info(tr!("status-not-opened"));
                self.set_title(tr!("title"));
            }
            Event::Damaged {
                path,
                message,
                latest,
            } => {
                self.opened = false;
                self.set_title(tr!("title-damaged", catalogue = super::display_name(&path)));
                self.catalogue = Some(path.clone());
                self.status.info(tr!("status-damaged"));
                self.damaged = Some(super::catalogues::Damaged {
                    path,
                    message,
                    latest,
                });
            }
            Event::IsBackup { path, taken } => {
                self.set_title(tr!("title-backup", catalogue = super::display_name(&path)));
                self.status.info(tr!("status-is-backup"));
                self.backup_file = Some((path, taken));
            }
            Event::NoCatalogue => {
                self.no_catalogue = true;
                self.status.info(tr!("status-no-catalogue-yet"));
                self.set_title(tr!("title"));
            }
            Event::LatestBackup { folder, latest } => {
                self.windows.latest_backup = Some((folder, latest));
            }
            Event::Results {
                generation,
                photos,
                first,
                possible,
                facets,
                set_items,
                keyword_counts,
            } => {
                if generation != self.generation {
                    return; // overtaken by a newer search
                }
                self.search_error = None;
                self.shown_generation = generation;
                self.order = super::Order::new(photos.clone());
                self.results.replace(generation, photos, first);
                self.possible = possible.into_iter().collect();
                self.facets = *facets;
                self.keyword_counts = keyword_counts;
                self.set_items = set_items;
                self.selection.retain(&self.order);
                if !self.searched && std::env::var_os("KARTOTEKA_REPORT_FIRST_FRAME").is_some() {
                    eprintln!(
                        "first results after {:.3} s ({} photos)",
                        self.started.elapsed().as_secs_f64(),
                        self.results.len()
                    );
                }
                self.searched = true;
            }
            Event::SearchError {
                generation,
                message,
            } => {
                if generation == self.generation {
                    self.search_error = Some(message);
                    self.shown_generation = generation;
                    self.searched = true;
                }
            }
            Event::Details(details) => {
                if details.generation == self.inspect_generation {
                    self.details_generation = details.generation;
                    self.inspector.load(&details);
                    self.details = Some(details);
                }
            }
            Event::Sidebar(sidebar) => {
                self.sidebar = *sidebar;
                super::sidebar::in_reading_order(&mut self.sidebar);
                self.sidebar_pending = false;
                if !self.sidebar_reported
                    && std::env::var_os("KARTOTEKA_REPORT_FIRST_FRAME").is_some()
                {
                    eprintln!(
                        "sidebar complete after {:.3} s",
                        self.started.elapsed().as_secs_f64()
                    );
                }
                self.sidebar_reported = true;
                // A template remembered from another catalogue means nothing here.
                let template = &self.settings.import_template;
                if !template.is_empty()
                    && !self.sidebar.templates.iter().any(|t| &t.name == template)
                {
                    self.settings.import_template.clear();
                }
            }
            Event::Summaries {
                generation,
                first,
                photos,
            } => self.results.received(generation, first, photos),
            Event::Rows {
                generation,
                asked,
                photos,
            } => {
                if generation == self.rows_generation {
                    for id in &asked {
                        self.rows_asked.remove(id);
                    }
                }
                for photo in photos {
                    self.rows.insert(photo.id, (generation, photo));
                }
            }
            Event::ReadFailed(message) => {
                // Shown once; asking again would fail again, in a loop.
                self.sidebar_pending = false;
                self.details_generation = self.inspect_generation;
                self.status
                    .error(tr!("status-could-not-read", what = message));
            }
            Event::History { undo, redo } => self.undo_redo = (undo, redo),
            Event::Changed(message) => {
                self.outstanding = self.outstanding.saturating_sub(1);
                self.status.info(message);
                self.refresh();
            }
            Event::Team(status) => self.team = Some(status),
            Event::ChangedElsewhere => {
                // An import's own progress already refreshes the window.
                if self.import.is_none() {
                    self.refresh();
                }
            }
            Event::Error(message) => {
                self.outstanding = self.outstanding.saturating_sub(1);
                self.status.error(message);
                self.refresh();
            }
            Event::ImportStarted { total, cancel } => {
                self.import = Some(ImportState {
                    done: 0,
                    total,
                    file: String::new(),
                    cancel,
                });
            }
            Event::ImportProgress { done, total, file } => {
                if let Some(i) = &mut self.import {
                    i.done = done;
                    i.total = total;
                    i.file = file;
                }
                // Show photos as they arrive, every so often.
                if done % 200 == 0 {
                    self.search_now();
                }
            }
            Event::Done(message) => {
                self.outstanding = self.outstanding.saturating_sub(1);
                self.status.info(message);
            }
            Event::CsvPreview(preview) => {
                self.outstanding = self.outstanding.saturating_sub(1);
                self.status.info(tr!(
                    "status-csv-read",
                    path = preview.request.path.display().to_string()
                ));
                self.interop.preview = Some(preview);
            }
            Event::JobStarted { what, cancel } => {
                self.status
                    .info(tr!("status-job-started", what = what.as_str()));
                self.interop.job = Some(interop::Job {
                    what,
                    done: 0,
                    total: 0,
                    cancel,
                });
            }
            Event::JobProgress { done, total } => {
                if let Some(job) = &mut self.interop.job {
                    job.done = done;
                    job.total = total;
                }
            }
            Event::JobFinished {
                message,
                problems,
                changed,
                failed,
            } => {
                self.outstanding = self.outstanding.saturating_sub(1);
                self.interop.job = None;
                if !problems.is_empty() {
                    self.interop.problems = Some((message.clone(), problems));
                }
                if failed {
                    self.status.error(message);
                } else {
                    self.status.info(message);
                }
                if changed {
                    self.refresh();
                }
                if self.windows.backup {
                    self.worker.send(super::Command::LatestBackup {
                        folder: self.settings.backup_folder.clone(),
                    });
                }
            }
            Event::ImportFinished(summary) => {
                self.import = None;
                let imported = tr!(
                    "status-imported",
                    count = summary.stored(),
                    added = summary.added.len(),
                    unchanged = summary.unchanged,
                    failed = summary.failed.len()
                );
                self.status.info(if summary.cancelled {
                    tr!("status-imported-cancelled", message = imported)
                } else {
                    imported
                });
                self.import_errors = summary.failed.clone();
                self.last_import = Some(*summary);
                self.thumbnails.forget_missing();
                self.refresh();
            }
        }
    }
}
