--args
maxi=10
off=100
$SCRIPT
