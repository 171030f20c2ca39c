"""Paper: printing, the slips a dossier action produces, and every form's renderer."""
