--args
x=10+10
$SCRIPT
