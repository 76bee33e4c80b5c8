"""`napalm.get_network_driver("zte_zxros")`: cutover's ZTE ZXROS driver."""

from orchestrator.devices import get_driver

Driver = get_driver("zte_zxros")
