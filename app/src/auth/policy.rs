//! Roles and the one authorization rule book. Pure: every server function asks
//! [`authorize`] with the current user from the session, never with data the client sent.

use serde::{Deserialize, Serialize};

use super::CurrentUser;
use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Pegawai,
    Mentor,
    Atasan,
    PengelolaOpd,
    Admin,
}

/// The roles one person holds. Everyone with an account is a pegawai.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roles {
    pub admin: bool,
    /// The OPD this person manages as pengelola OPD.
    pub pengelola_opd: Option<i64>,
    pub mentor: bool,
    /// Has at least one direct report (derived from the org data, never granted).
    pub atasan: bool,
}

/// What `account_role` grants an account: the admin role, and the OPD it manages as
/// pengelola OPD (the table refuses that role without an OPD). A mentor grant is not read:
/// an active mentor profile is what makes a mentor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grants {
    pub admin: bool,
    pub pengelola_opd: Option<i64>,
}

/// Builds the roles of a person from their grants, their number of direct reports and
/// whether they have an active mentor profile (opting in is what makes a mentor).
pub fn derive_roles(grants: Grants, direct_reports: i64, mentor_profile: bool) -> Roles {
    Roles {
        admin: grants.admin,
        pengelola_opd: grants.pengelola_opd,
        mentor: mentor_profile,
        atasan: direct_reports > 0,
    }
}

impl Roles {
    pub fn list(&self) -> Vec<Role> {
        let mut list = vec![Role::Pegawai];
        if self.mentor {
            list.push(Role::Mentor);
        }
        if self.atasan {
            list.push(Role::Atasan);
        }
        if self.pengelola_opd.is_some() {
            list.push(Role::PengelolaOpd);
        }
        if self.admin {
            list.push(Role::Admin);
        }
        list
    }
}

/// What someone wants to do, named by the rule that decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the list of one's direct reports.
    ViewTeam,
    /// See the staff of one OPD.
    ViewOpdStaff { opd_id: i64 },
    /// See city-wide figures and every OPD.
    ViewCity,
    /// Change one's own records (plan, ledger): only the owner.
    OwnRecord { owner: i64 },
    /// Approve or return a plan: only the owner's direct supervisor.
    ReviewPlan { supervisor: Option<i64> },
    /// Verify or reject a JP entry of an employee (`owner`) of an OPD: never one's own,
    /// which goes to another verifier (the admin, or another pengelola of the OPD).
    VerifyJp { opd_id: i64, owner: i64 },
    /// Download the evidence of a JP entry: its owner and whoever may verify it.
    ViewEvidence { owner: i64, opd_id: i64 },
    /// Manage the competency dictionary, position standards and the catalog.
    Administer,
    /// Use the mentor's desk (incoming requests, own mentees): mentors only.
    ActAsMentor,
    /// Accept or decline a mentoring request: only the mentor it is addressed to.
    AnswerRequest { mentor: i64 },
    /// See and write in a mentorship (sessions, notes, feedback): only its two people.
    TakePartIn { mentor: i64, mentee: i64 },
    /// Read a course's modules: its enrolled learners (`learner`), its facilitators
    /// (`facilitator`) and the admin.
    ReadCourse { learner: bool, facilitator: bool },
    /// Edit a course's modules and see its participants: its facilitators and the admin.
    Facilitate { facilitator: bool },
    /// Confirm or refuse an application for a classroom course from an employee of an OPD:
    /// the OPD's pengelola and the admin.
    DecideEnrolment { opd_id: i64 },
    /// Download a certificate's PDF (it prints the NIP): its holder and the admin.
    DownloadCertificate { holder: i64 },
}

pub fn authorize(user: &CurrentUser, permission: Permission) -> Result<(), AppError> {
    let roles = &user.roles;
    // The admin manages every OPD; a pengelola OPD their own.
    let manages = |opd_id: i64| roles.admin || roles.pengelola_opd == Some(opd_id);
    let allowed = match permission {
        Permission::ViewTeam => roles.atasan,
        Permission::ViewOpdStaff { opd_id } => manages(opd_id),
        Permission::VerifyJp { opd_id, owner } => manages(opd_id) && user.employee_id != owner,
        Permission::ViewCity | Permission::Administer => roles.admin,
        Permission::OwnRecord { owner } => user.employee_id == owner,
        Permission::ReviewPlan { supervisor } => supervisor == Some(user.employee_id),
        Permission::ViewEvidence { owner, opd_id } => user.employee_id == owner || manages(opd_id),
        Permission::ActAsMentor => roles.mentor,
        Permission::AnswerRequest { mentor } => user.employee_id == mentor,
        Permission::TakePartIn { mentor, mentee } => {
            user.employee_id == mentor || user.employee_id == mentee
        }
        Permission::ReadCourse {
            learner,
            facilitator,
        } => learner || facilitator || roles.admin,
        Permission::Facilitate { facilitator } => facilitator || roles.admin,
        Permission::DecideEnrolment { opd_id } => manages(opd_id),
        Permission::DownloadCertificate { holder } => user.employee_id == holder || roles.admin,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Which OPDs a person may see in a list, a dashboard or a download. Every such query asks
/// here: the admin sees every OPD, a pengelola OPD only their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every OPD of the city.
    City,
    /// One OPD.
    Opd(i64),
}

impl Scope {
    /// What a person manages: the admin the city, a pengelola OPD their own OPD; `None` for
    /// everyone else.
    pub fn managed(user: &CurrentUser) -> Option<Scope> {
        if user.roles.admin {
            Some(Scope::City)
        } else {
            user.roles.pengelola_opd.map(Scope::Opd)
        }
    }

    /// The OPD a person is pengelola of, whatever else they are (an admin may be one too):
    /// the OPD of their staff card on the home page.
    pub fn pengelola_of(user: &CurrentUser) -> Option<i64> {
        user.roles.pengelola_opd
    }

    /// A report asked for one OPD (`wanted`) or for the widest view (`None`): the admin gets
    /// the OPD asked for or the city, a pengelola OPD their own (another is refused).
    pub fn of_report(user: &CurrentUser, wanted: Option<i64>) -> Result<Scope, AppError> {
        match (Scope::managed(user), wanted) {
            (Some(Scope::City), Some(opd_id)) => Ok(Scope::Opd(opd_id)),
            (Some(scope), None) => Ok(scope),
            (_, Some(opd_id)) => {
                authorize(user, Permission::ViewOpdStaff { opd_id })?;
                Ok(Scope::Opd(opd_id))
            }
            (None, None) => Err(AppError::Forbidden),
        }
    }

    /// The one OPD a staff list shows: the one asked for, else the one managed, else the
    /// person's own; refused unless they may see it.
    pub fn staff_opd(user: &CurrentUser, wanted: Option<i64>) -> Result<i64, AppError> {
        let opd_id = wanted.or(user.roles.pengelola_opd).unwrap_or(user.opd_id);
        authorize(user, Permission::ViewOpdStaff { opd_id })?;
        Ok(opd_id)
    }

    /// Whether the person may pick any OPD in a report's filter (otherwise it is fixed).
    pub fn may_choose_opd(user: &CurrentUser) -> bool {
        matches!(Scope::managed(user), Some(Scope::City))
    }

    /// The OPD, or `None` for the whole city.
    pub fn opd(self) -> Option<i64> {
        match self {
            Scope::City => None,
            Scope::Opd(id) => Some(id),
        }
    }

    /// The scope as one SQL parameter, for `($n = 0 OR e.opd_id = $n)`: 0 is the whole city.
    pub fn sql_opd(self) -> i64 {
        self.opd().unwrap_or(0)
    }
}

/// Where navigation may take this person: the UI shows only these, the server still checks.
pub fn can(user: &CurrentUser, permission: Permission) -> bool {
    authorize(user, permission).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::{AccessClass, JenisJabatan};

    fn user(roles: Roles) -> CurrentUser {
        CurrentUser {
            account_id: 1,
            employee_id: 1,
            nip: "198609262015051001".into(),
            name: "Uji".into(),
            jabatan: "Analis".into(),
            jenis_jabatan: JenisJabatan::Pelaksana,
            golongan: "III/a".into(),
            opd_id: 7,
            opd_name: "Dinas".into(),
            unit_name: "Bidang".into(),
            location_name: "Tawaeli".into(),
            access_class: AccessClass::Remote,
            roles,
        }
    }

    #[test]
    fn everyone_is_pegawai_and_atasan_comes_from_reports() {
        assert_eq!(
            derive_roles(Grants::default(), 0, false).list(),
            vec![Role::Pegawai]
        );
        assert_eq!(
            derive_roles(Grants::default(), 3, false).list(),
            vec![Role::Pegawai, Role::Atasan]
        );
        assert_eq!(
            derive_roles(Grants::default(), 0, true).list(),
            vec![Role::Pegawai, Role::Mentor],
            "an active mentor profile makes a mentor"
        );
    }

    #[test]
    fn grants_add_admin_and_pengelola_but_never_mentor() {
        let roles = derive_roles(
            Grants {
                admin: true,
                pengelola_opd: Some(4),
            },
            0,
            false,
        );
        assert_eq!(
            roles.list(),
            vec![Role::Pegawai, Role::PengelolaOpd, Role::Admin],
            "grants alone make no mentor"
        );
        assert_eq!(roles.pengelola_opd, Some(4));
    }

    #[test]
    fn a_plain_employee_is_refused_everything_guarded() {
        let u = user(Roles::default());
        assert_eq!(
            authorize(&u, Permission::ViewTeam),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&u, Permission::ViewOpdStaff { opd_id: 7 }),
            Err(AppError::Forbidden),
            "not even their own OPD"
        );
        assert_eq!(
            authorize(&u, Permission::ViewCity),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn pengelola_sees_only_their_opd() {
        let u = user(Roles {
            pengelola_opd: Some(7),
            ..Roles::default()
        });
        assert_eq!(
            authorize(&u, Permission::ViewOpdStaff { opd_id: 7 }),
            Ok(())
        );
        assert_eq!(
            authorize(&u, Permission::ViewOpdStaff { opd_id: 8 }),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&u, Permission::ViewCity),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&u, Permission::ViewTeam),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn atasan_sees_the_team_only() {
        let u = user(Roles {
            atasan: true,
            ..Roles::default()
        });
        assert_eq!(authorize(&u, Permission::ViewTeam), Ok(()));
        assert_eq!(
            authorize(&u, Permission::ViewOpdStaff { opd_id: 7 }),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn admin_sees_every_opd_and_the_city() {
        let u = user(Roles {
            admin: true,
            ..Roles::default()
        });
        assert_eq!(
            authorize(&u, Permission::ViewOpdStaff { opd_id: 99 }),
            Ok(())
        );
        assert_eq!(authorize(&u, Permission::ViewCity), Ok(()));
        assert!(
            !can(&u, Permission::ViewTeam),
            "admin without reports has no team"
        );
    }

    #[test]
    fn only_the_admin_administers() {
        for roles in [
            Roles::default(),
            Roles {
                pengelola_opd: Some(7),
                mentor: true,
                atasan: true,
                ..Roles::default()
            },
        ] {
            assert_eq!(
                authorize(&user(roles), Permission::Administer),
                Err(AppError::Forbidden)
            );
        }
        let admin = user(Roles {
            admin: true,
            ..Roles::default()
        });
        assert_eq!(authorize(&admin, Permission::Administer), Ok(()));
    }

    #[test]
    fn own_records_belong_to_their_owner_only() {
        // The test user is employee 1 of OPD 7.
        let admin = user(Roles {
            admin: true,
            ..Roles::default()
        });
        assert_eq!(
            authorize(&admin, Permission::OwnRecord { owner: 1 }),
            Ok(())
        );
        assert_eq!(
            authorize(&admin, Permission::OwnRecord { owner: 2 }),
            Err(AppError::Forbidden),
            "not even an admin changes another's plan"
        );
    }

    #[test]
    fn mentoring_belongs_to_its_people() {
        // The test user is employee 1.
        let admin = user(Roles {
            admin: true,
            ..Roles::default()
        });
        assert_eq!(
            authorize(&admin, Permission::ActAsMentor),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&admin, Permission::AnswerRequest { mentor: 2 }),
            Err(AppError::Forbidden),
            "not even an admin answers for a mentor"
        );
        assert_eq!(
            authorize(&admin, Permission::AnswerRequest { mentor: 1 }),
            Ok(())
        );
        assert_eq!(
            authorize(
                &admin,
                Permission::TakePartIn {
                    mentor: 2,
                    mentee: 3
                }
            ),
            Err(AppError::Forbidden),
            "nobody sees another pair's notes"
        );
        assert_eq!(
            authorize(
                &admin,
                Permission::TakePartIn {
                    mentor: 2,
                    mentee: 1
                }
            ),
            Ok(())
        );
        assert_eq!(
            authorize(
                &admin,
                Permission::TakePartIn {
                    mentor: 1,
                    mentee: 3
                }
            ),
            Ok(())
        );
        let mentor = user(Roles {
            mentor: true,
            ..Roles::default()
        });
        assert_eq!(authorize(&mentor, Permission::ActAsMentor), Ok(()));
    }

    #[test]
    fn only_the_direct_supervisor_reviews_a_plan() {
        let u = user(Roles {
            atasan: true,
            admin: true,
            ..Roles::default()
        });
        assert_eq!(
            authorize(
                &u,
                Permission::ReviewPlan {
                    supervisor: Some(1)
                }
            ),
            Ok(())
        );
        assert_eq!(
            authorize(
                &u,
                Permission::ReviewPlan {
                    supervisor: Some(5)
                }
            ),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&u, Permission::ReviewPlan { supervisor: None }),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn jp_is_verified_in_ones_opd_and_evidence_seen_by_owner_and_verifiers() {
        let verify = |opd_id, owner| Permission::VerifyJp { opd_id, owner };
        let pengelola = user(Roles {
            pengelola_opd: Some(7),
            ..Roles::default()
        });
        let plain = user(Roles::default());
        let admin = user(Roles {
            admin: true,
            ..Roles::default()
        });
        assert_eq!(authorize(&pengelola, verify(7, 99)), Ok(()));
        assert_eq!(
            authorize(&pengelola, verify(8, 99)),
            Err(AppError::Forbidden)
        );
        assert_eq!(authorize(&admin, verify(8, 99)), Ok(()));
        assert_eq!(
            authorize(&plain, verify(7, 99)),
            Err(AppError::Forbidden),
            "not even in their own OPD"
        );
        // Nobody verifies their own JP, not even the admin.
        assert_eq!(
            authorize(&pengelola, verify(7, pengelola.employee_id)),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&admin, verify(8, admin.employee_id)),
            Err(AppError::Forbidden)
        );
        let evidence = |owner, opd_id| Permission::ViewEvidence { owner, opd_id };
        assert_eq!(authorize(&plain, evidence(1, 7)), Ok(()));
        assert_eq!(authorize(&plain, evidence(2, 7)), Err(AppError::Forbidden));
        assert_eq!(authorize(&pengelola, evidence(2, 7)), Ok(()));
        assert_eq!(
            authorize(&pengelola, evidence(2, 8)),
            Err(AppError::Forbidden)
        );
        assert_eq!(authorize(&admin, evidence(2, 8)), Ok(()));
    }

    #[test]
    fn a_course_is_read_by_its_learners_and_facilitators_and_edited_by_its_facilitators() {
        let plain = user(Roles::default());
        let admin = user(Roles {
            admin: true,
            ..Roles::default()
        });
        let pengelola = user(Roles {
            pengelola_opd: Some(7),
            ..Roles::default()
        });
        let read = |learner, facilitator| Permission::ReadCourse {
            learner,
            facilitator,
        };
        assert_eq!(authorize(&plain, read(true, false)), Ok(()));
        assert_eq!(authorize(&plain, read(false, true)), Ok(()));
        assert_eq!(
            authorize(&plain, read(false, false)),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&pengelola, read(false, false)),
            Err(AppError::Forbidden)
        );
        assert_eq!(authorize(&admin, read(false, false)), Ok(()));
        let edit = |facilitator| Permission::Facilitate { facilitator };
        assert_eq!(authorize(&plain, edit(true)), Ok(()));
        assert_eq!(authorize(&plain, edit(false)), Err(AppError::Forbidden));
        assert_eq!(authorize(&admin, edit(false)), Ok(()));
        let decide = |opd_id| Permission::DecideEnrolment { opd_id };
        assert_eq!(authorize(&pengelola, decide(7)), Ok(()));
        assert_eq!(authorize(&pengelola, decide(8)), Err(AppError::Forbidden));
        assert_eq!(authorize(&plain, decide(7)), Err(AppError::Forbidden));
        assert_eq!(authorize(&admin, decide(8)), Ok(()));
        // A certificate's PDF prints the NIP: its holder and the admin, not their pengelola.
        let download = |holder| Permission::DownloadCertificate { holder };
        assert_eq!(authorize(&plain, download(plain.employee_id)), Ok(()));
        assert_eq!(
            authorize(&plain, download(plain.employee_id + 1)),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(&pengelola, download(plain.employee_id + 1)),
            Err(AppError::Forbidden)
        );
        assert_eq!(authorize(&admin, download(plain.employee_id + 1)), Ok(()));
    }
}
