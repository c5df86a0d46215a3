$SCRIPT
foo=123
bar=1.2e5f
s="hello"
f=true
neg=-inf
