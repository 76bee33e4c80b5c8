"""cutover: replace Cisco and Juniper boxes with Huawei, H3C or ZTE boxes, site by site."""

__version__ = "0.1.0"
