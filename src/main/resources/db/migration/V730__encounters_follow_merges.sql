-- When two patient records are merged, the duplicate's encounters move to the survivor; their
-- patient is the only column of an encounter that ever changes.
grant update (patient_id) on encounters to ${app_role};
