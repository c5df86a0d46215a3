--vec
--partitioning=GSS
--queue_layout=PERCPU
--victim_selection=SEQPRI
--num-threads=3
$SCRIPT
