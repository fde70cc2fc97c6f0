from shoring.cli import main

main()
