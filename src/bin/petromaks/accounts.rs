//! Staff account upkeep from the command line: deactivate, reactivate, reset a password, change a role.

use clap::Subcommand;
use petromaks::actor::{Role, UserId};
use petromaks::db::Db;
use petromaks::people::{accounts, Actor};
use petromaks::{store, Result};

use crate::Ctx;

#[derive(Subcommand)]
pub enum AccountCmd {
    /// Deactivate an account (it stays in the audit trail; it can no longer sign in or act).
    Deactivate { username: String },
    /// Reactivate a deactivated account.
    Reactivate { username: String },
    /// Set a new password (and lift a sign-in lockout).
    ResetPassword {
        username: String,
        #[arg(long, env = "PETROMAKS_NEW_PASSWORD")]
        password: String,
    },
    /// Change an account's role.
    Role {
        username: String,
        #[arg(long)]
        role: Role,
    },
}

fn id_of(db: &Db, actor: &Actor, username: &str) -> Result<UserId> {
    actor.require_admin("look after staff accounts")?;
    store::users::by_username(db, &username.trim().to_lowercase())?
        .map(|u| u.id)
        .ok_or_else(|| petromaks::Error::not_found("user", username))
}

pub fn account(ctx: &Ctx, c: AccountCmd) -> Result<()> {
    let mut db = ctx.open()?;
    let actor = ctx.actor(&db)?;
    match c {
        AccountCmd::Deactivate { username } => {
            let id = id_of(&db, &actor, &username)?;
            let u = accounts::set_active(&mut db, &actor, ctx.now, id, false)?;
            ctx.out.show(&u, || format!("{} deactivated", u.username));
        }
        AccountCmd::Reactivate { username } => {
            let id = id_of(&db, &actor, &username)?;
            let u = accounts::set_active(&mut db, &actor, ctx.now, id, true)?;
            ctx.out.show(&u, || format!("{} reactivated", u.username));
        }
        AccountCmd::ResetPassword { username, password } => {
            let id = id_of(&db, &actor, &username)?;
            accounts::reset_password(&mut db, &actor, ctx.now, id, &password)?;
            let v = serde_json::json!({ "username": username, "password_reset": true });
            ctx.out.show(&v, || format!("password of {username} reset"));
        }
        AccountCmd::Role { username, role } => {
            let id = id_of(&db, &actor, &username)?;
            let u = accounts::change_role(&mut db, &actor, ctx.now, id, role)?;
            ctx.out
                .show(&u, || format!("{} is now {}", u.username, u.role));
        }
    }
    Ok(())
}
