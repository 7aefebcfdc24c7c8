from parley.services.cli import main

main()
