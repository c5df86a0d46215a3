--args
small=1E-14,big=1.2e5f,ninf=-inf
$SCRIPT
nn=nan
flag=false
word="two words"
n=-41
