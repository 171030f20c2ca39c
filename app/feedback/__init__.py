"""Citizens' feedback (phản ánh, kiến nghị): the register, its clock, its answer."""
