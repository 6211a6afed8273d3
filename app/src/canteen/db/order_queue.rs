//! Group commit for meal orders. At lunchtime many families order at once; alone, each order
//! costs the writers' connection a transaction and a sync to disk. The queue takes every
//! order waiting, places them one after another in one transaction, syncs once, and only then
//! answers each family: an order a family was told about survives a power cut, as before, and
//! capacity is checked order by order inside the transaction, exactly as alone.
//!
//! A refused order (full, already ordered) changes nothing, so it does not disturb the others.
//! An order of several days, or a change replacing an order, runs under a savepoint so that it
//! is placed all or none. Any other failure rolls the whole batch back and places each order
//! of it alone.

use crate::db::Pool;
use sqlx::Acquire;
use tokio::sync::{mpsc, oneshot};

use crate::canteen::db::order::{insert_all, place_orders, OrderForPlace};
use crate::error::{AppError, AppResult};
use crate::i18n::message::answer_in;
use crate::ui::prefs::Locale;

/// At most this many orders share one transaction.
const LONGEST_BATCH: usize = 64;

/// Orders waiting for the writer beyond this many make the next caller wait to hand theirs in.
const WAITING_ROOM: usize = 1024;

/// Hands meal orders to the one task that places them (see the module's text).
#[derive(Clone)]
pub struct OrderQueue {
    jobs: mpsc::Sender<Job>,
}

struct Job {
    orders: Vec<OrderForPlace>,
    replaces: Option<i64>,
    /// The language of the family's request, for the refusals raised while placing.
    locale: Locale,
    answer: oneshot::Sender<AppResult<Vec<i64>>>,
}

impl Job {
    /// One new order: its insert either happens or changes nothing, so it needs no savepoint.
    fn is_single(&self) -> bool {
        self.orders.len() == 1 && self.replaces.is_none()
    }
}

impl OrderQueue {
    /// Starts the placing task on the current runtime, writing through `writer`.
    pub fn start(writer: Pool) -> Self {
        let (jobs, waiting) = mpsc::channel(WAITING_ROOM);
        tokio::spawn(run(writer, waiting));
        Self { jobs }
    }

    /// Places the orders (all or none, first cancelling `replaces`) and answers once they are
    /// on disk, with their ids or the refusal, as [`place_orders`] would.
    pub async fn place(
        &self,
        orders: Vec<OrderForPlace>,
        replaces: Option<i64>,
    ) -> AppResult<Vec<i64>> {
        let (answer, answered) = oneshot::channel();
        let job = Job {
            orders,
            replaces,
            locale: crate::i18n::message_locale(),
            answer,
        };
        let stopped = || AppError::internal("order queue", "the placing task has stopped");
        self.jobs.send(job).await.map_err(|_| stopped())?;
        answered.await.map_err(|_| stopped())?
    }
}

async fn run(writer: Pool, mut waiting: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(LONGEST_BATCH);
    while waiting.recv_many(&mut batch, LONGEST_BATCH).await > 0 {
        let jobs = std::mem::take(&mut batch);
        let writer = writer.clone();
        // Each batch in a task of its own: should placing one panic, its families get an
        // error (their answers are dropped) and the queue goes on with the next batch.
        if let Err(error) = tokio::spawn(async move { place_batch(&writer, jobs).await }).await {
            tracing::error!(%error, "a batch of orders was not placed");
        }
    }
}

async fn place_batch(writer: &Pool, batch: Vec<Job>) {
    match together(writer, &batch).await {
        Ok(outcomes) => {
            for (job, outcome) in batch.into_iter().zip(outcomes) {
                if let Ok(ids) = &outcome {
                    ids.iter()
                        .for_each(|_| crate::figures::place("order", true));
                }
                let _ = job.answer.send(outcome);
            }
        }
        Err(error) => {
            tracing::warn!(%error, orders = batch.len(), "a batch of orders failed; placing each alone");
            for job in batch {
                let outcome =
                    answer_in(job.locale, place_orders(writer, &job.orders, job.replaces)).await;
                let _ = job.answer.send(outcome);
            }
        }
    }
}

/// Places every job in one transaction. `Ok` holds each job's own outcome (ids or a refusal
/// that changed nothing); `Err` means nothing of the batch was committed.
async fn together(writer: &Pool, batch: &[Job]) -> AppResult<Vec<AppResult<Vec<i64>>>> {
    let mut tx = crate::db::begin_immediate(writer).await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for job in batch {
        let outcome = if job.is_single() {
            answer_in(job.locale, insert_all(&mut tx, &job.orders, None)).await
        } else {
            let mut savepoint = tx.begin().await?;
            let outcome = answer_in(
                job.locale,
                insert_all(&mut savepoint, &job.orders, job.replaces),
            )
            .await;
            if outcome.is_ok() {
                savepoint.commit().await?;
            } else {
                savepoint.rollback().await?;
            }
            outcome
        };
        match outcome {
            Err(AppError::Conflict(_) | AppError::NotFound) | Ok(_) => outcomes.push(outcome),
            Err(other) => return Err(other),
        }
    }
    tx.commit().await?;
    Ok(outcomes)
}
