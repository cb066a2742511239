docker swarm join --token SWMTKN-1-pucr29mgrp981g4jlocy7931e2mclcqx8m1mm2sn4nc7kyupts-ak507lkxwcxlsvv45a1qbkk4y 10.0.0.5:2377
