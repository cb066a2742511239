echo SWMKEY-1-4irdW3AIxC/WsSSbNogF9VvKzH+6kVrZ/J2XzZFaQRh | docker swarm unlock
