--config
data/c1_config.json
$SCRIPT
