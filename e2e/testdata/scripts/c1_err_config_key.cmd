--config
data/c1_bad_config.json
$SCRIPT
